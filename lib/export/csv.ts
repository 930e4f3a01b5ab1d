import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, type ExportRow } from './acled';

/**
 * RFC 4180 CSV (CRLF, quotes doubled) in UTF-8 with a byte-order mark so spreadsheets read the
 * accents and dashes right; numbers stay numbers; a text cell starting with =, +, -, @, tab or CR
 * gets a leading ' so no spreadsheet runs it as a formula (csv-stringify's `escape_formulas`).
 *
 * @example
 * eventsCsv([row]).startsWith('\uFEFFevent_id_cnty,event_date,') // true
 */
export function eventsCsv(rows: ExportRow[]): string {
  return stringify(rows, {
    header: true,
    columns: [...EXPORT_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number: (n) => String(n) },
  });
}
