/**
 * The geocoder's output per mention: the contract between lib/geocode and lib/events.
 */
import type { Geometry } from 'geojson';
import type { GeoPrecision, LonLat, Mention } from '../types';

/** A gazetteer entry chosen for a mention, with how precisely it locates things. */
export interface ResolvedPlace {
  /** Stable gazetteer id, e.g. "gn:1221874", "adm1:TJ-KT", "sup:shamsiddin-shohin-district". */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  admin1: string | null;
  admin2: string | null;
  /** GeoNames-style feature code or a plain word: "PPL", "ADM1", "ADM2", "PCLI", "border-post", … */
  featureType: string;
  coordinates: LonLat;
  geoPrecision: GeoPrecision;
  /** Where the place may be when it is not a point: a district-sized area, a stretch of border. */
  uncertainty: Geometry | null;
  /** Plain words on how it was located, e.g. "exact site not reported; located by its district". */
  note?: string;
  /** ISO 3166-2 of admin1, e.g. "TJ-KT". */
  admin1Code?: string | null;
}

export interface Candidate {
  id: string;
  name: string;
  country: string;
  featureType: string;
  score: number;
}

export interface ResolvedMention extends Mention {
  /** null when no place could be chosen; `reason` then says why. */
  place: ResolvedPlace | null;
  /** The name stands for a government or state ("Dushanbe said", "Kabul urged"): never an attack site. */
  government: boolean;
  /** A demonym/adjective use ("Afghan territory", "Tajik border guards"). */
  adjective: boolean;
  candidates: Candidate[];
  /** Evidence for the choice, or why nothing was chosen. */
  reason: string;
  /** A "DUSHANBE --" dateline: where the report was filed, not where anything happened. */
  dateline?: boolean;
  /** What the words around the name say it is: "ADM1" province, "ADM2" district, "PPL" town, "POST" border post. */
  feature?: string | null;
}
