import type { Geometry, Position } from 'geojson';
import type { Element } from 'xast';
import { x } from 'xastscript';
import { serializeXml } from './xml';
import { symbolFor, TYPE_SYMBOLS, OTHER_SYMBOL } from '../../components/symbols';
import type { EventView } from '../present';
import { EXPORT_COLUMNS, type ExportRow } from './acled';
import { ATTRIBUTION_TEXT } from './attribution';

/** KML colours are aabbggrr. */
function kmlColor(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => hex.slice(i, i + 2));
  return `${Math.round(alpha * 255).toString(16).padStart(2, '0')}${b}${g}${r}`.toLowerCase();
}

function styleId(eventType: string): string {
  return `type-${(eventType || 'other').toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

const coords = (ps: Position[]) => ps.map((p) => `${p[0]},${p[1]}`).join(' ');

function geometry(g: Geometry): Element[] {
  switch (g.type) {
    case 'Point':
      return [x('Point', {}, x('coordinates', `${g.coordinates[0]},${g.coordinates[1]}`))];
    case 'LineString':
      return [x('LineString', {}, x('tessellate', '1'), x('coordinates', coords(g.coordinates)))];
    case 'MultiLineString':
      return [x('MultiGeometry', g.coordinates.map((l) => x('LineString', {}, x('tessellate', '1'), x('coordinates', coords(l)))))];
    case 'Polygon':
      return [polygon(g.coordinates)];
    case 'MultiPolygon':
      return [x('MultiGeometry', g.coordinates.map(polygon))];
    default:
      return [];
  }
}

function polygon(rings: Position[][]): Element {
  const [outer, ...inner] = rings;
  return x('Polygon', [
    x('outerBoundaryIs', {}, x('LinearRing', {}, x('coordinates', coords(outer)))),
    ...inner.map((r) => x('innerBoundaryIs', {}, x('LinearRing', {}, x('coordinates', coords(r))))),
  ]);
}

/**
 * KML 2.2 for Google Earth: one placemark per event with its date span as a TimeSpan (the time
 * slider works), a style per ACLED event type in the map's colours, the ACLED row as ExtendedData and
 * the excerpts in the description; the areas the events may be in go in a second folder. Written
 * through xastscript / xast-util-to-xml, which escape every text and attribute value.
 *
 * @example
 * eventsKml(events, rows).includes('<TimeSpan><begin>2025-11-26</begin>') // true
 */
export function eventsKml(events: EventView[], rows: ExportRow[]): string {
  const types = [...Object.entries(TYPE_SYMBOLS), ['', OTHER_SYMBOL] as const];
  const styles = types.map(([type, s]) =>
    x('Style', { id: styleId(type) }, [
      x('IconStyle', [x('color', kmlColor(s.color, 1)), x('scale', '1.1')]),
      x('LabelStyle', {}, x('scale', '0.8')),
      x('LineStyle', [x('color', kmlColor(s.color, 0.5)), x('width', '6')]),
      x('PolyStyle', [x('color', kmlColor(s.color, 0.15))]),
    ]),
  );
  const placemarks = events.map((e, i) => {
    const row = rows[i];
    return x('Placemark', { id: e.id }, [
      x('name', `${e.dateShort}: ${e.subEventType || e.eventType}, ${e.location}`),
      x('description', `${row.notes}\n\nUncertainty: ${row.uncertainty}\n\n${row.excerpts}\n\nPermalink: ${row.permalink}`),
      x('TimeSpan', [x('begin', e.date), x('end', e.dateEnd || e.date)]),
      x('styleUrl', `#${styleId(symbolFor(e.eventType) === OTHER_SYMBOL ? '' : e.eventType)}`),
      x(
        'ExtendedData',
        EXPORT_COLUMNS.filter((c) => row[c] !== null).map((c) => x('Data', { name: c }, x('value', String(row[c])))),
      ),
      ...geometry({ type: 'Point', coordinates: e.coordinates }),
    ]);
  });
  const areas = events
    .filter((e) => e.uncertainty)
    .map((e) =>
      x('Placemark', { id: `${e.id}-area` }, [
        x('name', `Where ${e.id} may have been`),
        x('TimeSpan', [x('begin', e.date), x('end', e.dateEnd || e.date)]),
        x('styleUrl', `#${styleId(symbolFor(e.eventType) === OTHER_SYMBOL ? '' : e.eventType)}`),
        ...geometry(e.uncertainty!),
      ]),
    );
  const doc = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
    x('kml', { xmlns: 'http://www.opengis.net/kml/2.2' }, [
      x('Document', [
        x('name', 'geobrief: attacks on the Tajikistan–Afghanistan border'),
        x('description', ATTRIBUTION_TEXT),
        ...styles,
        x('Folder', [x('name', 'Events'), ...placemarks]),
        x('Folder', [x('name', 'Where the exact site is not reported'), x('visibility', areas.length ? '1' : '0'), ...areas]),
      ]),
    ]),
  ]);
  return serializeXml(doc) + '\n';
}
