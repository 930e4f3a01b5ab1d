/**
 * The one contract between the stages: what the geocoder writes for a place, what the event extractor
 * writes for an event, the collection the pipeline returns, and what the presentation hands the pages.
 * Types are inferred from these schemas (lib/types.ts re-exports them), so a field renamed on one side
 * only is a type error where it is read, and `parseCollection` rejects it at the boundaries (API, CLI,
 * tests). Objects are strict: a field the extractor adds must be added here, where the presentation's
 * field map (lib/present/fields.ts) then has to say where it goes on screen or why it is dropped.
 */
import { z } from 'zod';
import type { Geometry } from 'geojson';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** GeoJSON geometry: checked for its type only; the coordinates come from turf and the gazetteer. */
export const GeometrySchema = z.custom<Geometry>((v) => !!v && typeof v === 'object' && GEOMETRY_TYPES.has((v as { type?: unknown }).type as string), 'a GeoJSON geometry');

export const LonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const GeoPrecisionSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const TimePrecisionSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** ISO 3166-1 alpha-2, or '' for an event nothing located. */
const Country = z.string().regex(/^([A-Z]{2})?$/);

export const ExcerptSchema = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() });

export const MentionSchema = z.strictObject({
  article: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  government: z.boolean().optional(),
  adjective: z.boolean().optional(),
  dateline: z.boolean().optional(),
});

export const CandidateSchema = z.strictObject({ id: z.string(), name: z.string(), country: z.string(), featureType: z.string(), score: z.number() });

export const PlacePropertiesSchema = z.strictObject({
  kind: z.literal('place'),
  /** Stable id of the gazetteer entry, e.g. "gn:1221874" or "sup:istiqlol-border-post". */
  id: z.string(),
  name: z.string(),
  country: Country,
  admin1: z.string().nullable(),
  /** ISO 3166-2 of admin1, e.g. "TJ-KT". */
  admin1Code: z.string().nullable().optional(),
  admin2: z.string().nullable().optional(),
  featureType: z.string(),
  geoPrecision: GeoPrecisionSchema,
  /** Area the place may be anywhere in, when it is not a point (district, stretch of border). */
  uncertainty: GeometrySchema.nullable().optional(),
  /** Plain words on how the place was located. */
  note: z.string().optional(),
  /** Every mention uses the name for a government ("Dushanbe said"): never an attack site. */
  governmentOnly: z.boolean().optional(),
  adjectiveOnly: z.boolean().optional(),
  candidates: z.array(CandidateSchema).optional(),
  evidence: z.array(z.string()).optional(),
  mentions: z.array(MentionSchema),
});

export const SourceRefSchema = z.strictObject({ article: z.string(), excerpts: z.array(ExcerptSchema) });

export const ClaimSchema = z.strictObject({ value: z.unknown(), article: z.string(), excerpt: ExcerptSchema.optional() });
export const StringClaimSchema = z.strictObject({ value: z.string(), article: z.string(), excerpt: ExcerptSchema.optional() });

export const DisagreementSchema = z.strictObject({ field: z.string(), claims: z.array(ClaimSchema) });

export const VictimsSchema = z.strictObject({
  /** ISO 3166-1 alpha-2 of the victims' nationalities, e.g. ["CN"]. */
  nationalities: z.array(z.string()),
  /** Companies the victims worked for, as written. */
  employers: z.array(z.string()),
  /** Kinds of target: "mining", "construction", "border post", … */
  targets: z.array(z.string()),
});

const CountSchema = z.strictObject({ value: z.number(), vague: z.boolean() });

/** A sentence about several incidents, attached to the events it covers; never counted as an event. */
export const AggregateSchema = z.strictObject({
  article: z.string(),
  excerpt: ExcerptSchema,
  incidents: z.number().nullable(),
  fatalities: CountSchema.nullable(),
  injured: CountSchema.nullable(),
  covers: z.array(z.string()),
  sumOfCovered: z.strictObject({ fatalities: z.number(), injured: z.number() }),
});

export const EventPropertiesSchema = z.strictObject({
  kind: z.literal('event'),
  id: z.string(),
  /** Start of the date span, YYYY-MM-DD ('' only for undated events, kept apart from the features). */
  date: z.string(),
  dateEnd: z.string(),
  timePrecision: TimePrecisionSchema,
  eventType: z.string(),
  subEventType: z.string(),
  /** The lowest figure reported (ACLED's rule); null when no source gives one. 0 means reported as none. */
  fatalities: z.number().int().min(0).nullable(),
  injured: z.number().int().min(0).nullable(),
  fatalitiesVague: z.literal(true).optional(),
  injuredVague: z.literal(true).optional(),
  location: z.string(),
  country: Country,
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  geoPrecision: GeoPrecisionSchema,
  uncertainty: GeometrySchema.nullable().optional(),
  /** The place feature the event is drawn at; null for an event nothing located. */
  placeId: z.string().nullable(),
  /** The claim the chosen place comes from. */
  placeSource: StringClaimSchema.optional(),
  locationNote: z.string(),
  dateBasis: z.string(),
  victims: VictimsSchema,
  weapons: z.array(z.string()),
  /** Where the attack came from, one claim per article: an ISO country code. */
  origin: z.array(z.strictObject({ value: z.string().nullable(), article: z.string(), excerpt: ExcerptSchema.optional() })),
  /** Who did it, as each article names them. */
  actors: z.array(StringClaimSchema),
  aggregates: z.array(AggregateSchema).optional(),
  sources: z.array(SourceRefSchema),
  disagreements: z.array(DisagreementSchema),
});

const PointSchema = z.strictObject({ type: z.literal('Point'), coordinates: LonLatSchema });
export const PlaceFeatureSchema = z.strictObject({ type: z.literal('Feature'), geometry: PointSchema, properties: PlacePropertiesSchema });
export const EventFeatureSchema = z.strictObject({ type: z.literal('Feature'), geometry: PointSchema, properties: EventPropertiesSchema });

/** A mention no place was chosen for, kept with its reason (the collection's foreign member `unresolved`). */
export const UnresolvedMentionSchema = z.looseObject({ article: z.string(), start: z.number(), end: z.number(), text: z.string(), reason: z.string() });

export const BriefCollectionSchema = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union([PlaceFeatureSchema, EventFeatureSchema])),
  unresolved: z.array(UnresolvedMentionSchema).optional(),
  /** Events nothing located: kept with their reason, never drawn at a made-up point. */
  unlocatedEvents: z.array(EventFeatureSchema.extend({ geometry: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }) })).optional(),
  /** Events no date could be given to. */
  undatedEvents: z.array(EventFeatureSchema).optional(),
});

export type LonLat = [number, number];
export type GeoPrecision = z.infer<typeof GeoPrecisionSchema>;
export type TimePrecision = z.infer<typeof TimePrecisionSchema>;
export type Excerpt = z.infer<typeof ExcerptSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type PlaceProperties = z.infer<typeof PlacePropertiesSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;
export interface Claim<T> {
  value: T;
  article: string;
  excerpt?: Excerpt;
}
export type Disagreement = z.infer<typeof DisagreementSchema>;
export type Victims = z.infer<typeof VictimsSchema>;
export type Aggregate = z.infer<typeof AggregateSchema>;
export type EventProperties = z.infer<typeof EventPropertiesSchema>;

/**
 * Checks a collection against the contract; throws with the path of the first fields that do not fit.
 *
 * @example
 * parseCollection(buildCollection(articles)).features.length
 */
export function parseCollection(value: unknown): z.infer<typeof BriefCollectionSchema> {
  const r = BriefCollectionSchema.safeParse(value);
  if (!r.success) throw new Error(`collection does not fit lib/schema.ts: ${z.prettifyError(r.error).slice(0, 2000)}`);
  return r.data;
}
