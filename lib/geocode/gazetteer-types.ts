/** Shapes of data/gazetteer/gazetteer.json (generated) and data/gazetteer/supplement.json (hand-kept). */
import type { Position } from 'geojson';

export interface GazetteerEntry {
  /** "gn:<geonameid>", "cj:<cc>:<lat>,<lon>", "adm1:TJ-KT", "adm2:TJ.02.7670506", "country:TJ", "border:AF-TJ". */
  id: string;
  name: string;
  alt?: string[];
  /** Country adjectives ("Tajik"), for country entries only. */
  demonyms?: string[];
  country: string;
  /** ISO 3166-2 of the province, e.g. "TJ-KT". */
  admin1: string | null;
  /** Gazetteer id of the district. */
  admin2?: string | null;
  /** GeoNames feature code (PPL, PPLA, PPLA2, PPLC), or ADM1, ADM2, PCLI, BORDER. */
  fc: string;
  pop: number;
  /** Absent for a district whose seat no source gives: such a district cannot be placed. */
  lon?: number;
  lat?: number;
  areaKm2?: number;
  lengthKm?: number;
  /** District seat (gazetteer id). */
  seat?: string;
  /** The two countries a BORDER entry separates. */
  borderOf?: [string, string];
  /** Where the facts come from. */
  src: string;
}

export interface Gazetteer {
  about: string;
  defaults: { districtAreaKm2: number; source: string };
  entries: GazetteerEntry[];
  /** Admin-1 polygons by ISO 3166-2 code (MultiPolygon coordinates, ~1 km simplified). */
  shapes: Record<string, Position[][][]>;
  /** Shared borders by "AF-TJ" (ISO codes sorted), MultiLineString coordinates. */
  borders: Record<string, Position[][]>;
}

export interface Supplement {
  about: string;
  countries: { iso2: string; name: string; alt: string[]; demonyms: string[]; source: string }[];
  admin1: { gn?: string; ne?: string; iso?: string; name?: string; alt?: string[]; source: string }[];
  districts: { id: string; name?: string; alt?: string[]; areaKm2?: number; seat?: string; source: string }[];
  defaults: { districtAreaKm2: number; source: string };
}
