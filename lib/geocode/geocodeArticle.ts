import type { Geometry, MultiLineString, Position } from 'geojson';
import { geoparse, type Toponym } from '../geoparse';
import { foldName } from '../geoparse/normalize';
import type { Article, GeoPrecision } from '../types';
import { loadGazetteer, type LoadedGazetteer } from './gazetteer';
import type { GazetteerEntry } from './gazetteer-types';
import { circlePolygon, clipLinesToCircle, distanceKm, inMultiPolygon, lengthKm, nearestVertexKm, radiusForArea } from './geometry';
import type { Candidate, ResolvedMention, ResolvedPlace } from './types';
import { countryName, MAP_REGION } from '../geo/countries';

/** Radius of "near a town" when a place is located only by a town (ACLED precision 2). */
const NEAR_TOWN_KM = 25;
const PRIOR: Record<string, number> = { PCLI: 5, PPLC: 4.5, ADM1: 4, PPLA: 3, BORDER: 3, PPLA2: 2, ADM2: 1.5, PPL: 1, STM: 1 };
const TIER: Record<string, number> = { name: 0.5, alt: 0, demonym: 0, skeleton: -2.5 };
const PASSES = 3;

interface Scored {
  entry: GazetteerEntry;
  score: number;
  evidence: string[];
  /** Only the consonants of the name match, and the text puts the place in a region this one is outside. */
  looseAndOutside?: boolean;
  /** Matched only by a loose spelling (data/rules/spelling.json), not by a name any source lists. */
  loose?: boolean;
}

/** A loose match further than this from every place the article names exactly is not believed. */
const LOOSE_REACH_KM = 150;
/** …nor one this far from every place named in its own sentence and the ones just before it. */
const LOOSE_LOCAL_SENTENCES = 2;

/**
 * Finds every place mention in an article and resolves each to a gazetteer entry, with an ACLED
 * precision, an uncertainty geometry where the place is not a point, the candidates weighed and the
 * evidence for the choice. Mentions that cannot be placed are kept, with the reason.
 *
 * @example
 * geocodeArticle({ id: 'a', file: 'a.md', body: 'A drone struck a camp in Khatlon province.' })
 * // [{ text: 'Khatlon province', place: { id: 'adm1:TJ-KT', geoPrecision: 3, … }, … }]
 */
export function geocodeArticle(article: Article, gazetteer: LoadedGazetteer = loadGazetteer()): ResolvedMention[] {
  const g = gazetteer;
  // Organisation names stay in the list so that relations between toponyms keep their indexes.
  const tops = geoparse(article.body, g);
  const chosen: (Scored | null)[] = tops.map(() => null);
  const ranked: Scored[][] = tops.map(() => []);
  // Everything a ranking compares against is indexed once per pass, so that time grows with the article's
  // length, not with its square: names folded once, "X in Y" read backwards through an index, the other
  // places as one entry each, and mentions in the same words and context ranked once.
  const folded = tops.map((t) => foldName(t.name));
  const containedBy: number[][] = tops.map(() => []);
  tops.forEach((o, k) => o.container && containedBy[o.container.index].push(k));
  for (let pass = 0; pass < PASSES; pass++) {
    const ctx: PassContext = { focus: articleFocus(tops, chosen, folded), folded, containedBy, anchors: anchorsOf(tops, chosen, folded), senses: sensesOf(tops, chosen, folded), memo: new Map() };
    tops.forEach((t, i) => {
      if (t.border || t.feature === 'POST' || t.feature === 'RIVER' || t.organisation) return;
      ranked[i] = rankCandidates(g, t, i, tops, chosen, ctx, pass);
      chosen[i] = ranked[i][0] ?? null;
    });
  }
  const settled = settledPlaces(tops, chosen, folded);
  // border posts: the mentions that say where each post is, by name, and the other places' points (once per article)
  const postsByName = new Map<string, number[]>();
  tops.forEach((o, k) => o.feature === 'POST' && o.container && postsByName.set(folded[k], [...(postsByName.get(folded[k]) ?? []), k]));
  const otherPoints = [...new Map(chosen.flatMap((c, k) => (c && !tops[k].government && !['PCLI', 'BORDER', 'ADM1'].includes(c.entry.fc) && point(c.entry) ? [[c.entry.id, point(c.entry)!] as const] : []))).values()];
  const article$ = { settled, postsByName, otherPoints, folded };
  const mentions = tops.map((t, i) => (t.organisation ? null : toMention(g, article, t, i, tops, chosen, ranked[i], article$)));
  placeThroughContainers(g, tops, chosen, folded, mentions);
  return sameInBrackets(mentions.filter((m): m is ResolvedMention => m !== null), article.body);
}

/** How a container's relation may place a name the gazetteer lacks: "X in Y", "X of Y", "Y's X" (not "X, Y": commas also join lists of districts). */
const PLACING_RELATIONS = new Set(['in', 'of', 'possessive']);

/**
 * A name the gazetteer lacks, which the text puts inside a district or province ("Dovang county in the
 * Shahribuzurg district", "the Dakhma area of Batken region"), is placed at that area — the smallest one any
 * mention of the same name gives — with the area's precision and uncertainty, never at an invented point
 * (ACLED codes an event at an unknown village to the smallest administrative unit the source names).
 */
function placeThroughContainers(g: LoadedGazetteer, tops: Toponym[], chosen: (Scored | null)[], folded: string[], mentions: (ResolvedMention | null)[]): void {
  const areaOf = new Map<string, GazetteerEntry>();
  tops.forEach((t, i) => {
    const m = mentions[i];
    if (!m || m.place || !t.container || !PLACING_RELATIONS.has(t.container.relation) || t.feature === 'POST' || t.feature === 'RIVER') return;
    const c = chosen[t.container.index]?.entry;
    const ct = tops[t.container.index];
    if (!c || ct.government || ct.organisation || !(c.fc === 'ADM2' || c.fc === 'ADM1') || !point(c)) return;
    const had = areaOf.get(folded[i]);
    if (!had || (had.fc === 'ADM1' && c.fc === 'ADM2')) areaOf.set(folded[i], c);
  });
  tops.forEach((t, i) => {
    const m = mentions[i];
    const area = areaOf.get(folded[i]);
    if (!m || m.place || !area || m.government || m.adjective || t.feature === 'POST' || t.feature === 'RIVER') return;
    const at = placeOf(g, area);
    if (!at) return;
    const kind = area.fc === 'ADM2' ? 'district' : 'province';
    m.place = {
      ...at,
      id: `in:${area.id}:${folded[i]}`,
      name: `${t.name}, ${area.name}`,
      featureType: UNLISTED_IN_AREA,
      admin2: area.fc === 'ADM2' ? area.name : null,
      note: `${t.name} is not in the gazetteer; the text puts it in the ${kind} of ${area.name}, so it is placed at that ${kind} as a whole (${at.note})`,
    };
    m.reason = `not in the gazetteer (${m.reason}); placed at the ${kind} the text puts it in, ${area.name}`;
  });
}

/** The feature type of a place the gazetteer lacks, placed at the district or province the text puts it in. */
export const UNLISTED_IN_AREA = 'in-area';

/** The places the article names exactly (not governments, adjectives, countries, borders or rivers), one per entry. */
interface Settled {
  entry: GazetteerEntry;
  names: Set<string>;
  /** The mention that chose it when only one did, else -1. */
  only: number;
}

function settledPlaces(tops: Toponym[], chosen: (Scored | null)[], folded: string[]): Settled[] {
  const byId = new Map<string, Settled>();
  chosen.forEach((c, k) => {
    // (a dateline names where the report was filed, not a place the story is about: it vouches for nothing near it)
    if (!c || c.loose || tops[k].government || tops[k].adjective || tops[k].dateline || ['PCLI', 'BORDER', 'STM'].includes(c.entry.fc)) return;
    const s = byId.get(c.entry.id);
    if (s) {
      s.names.add(folded[k]);
      s.only = -1;
    } else byId.set(c.entry.id, { entry: c.entry, names: new Set([folded[k]]), only: k });
  });
  return [...byId.values()];
}

const nearestKm = (p: Position, entries: GazetteerEntry[], reach: (a: GazetteerEntry) => number = (a) => (point(a) ? distanceKm(p, point(a)!) : Infinity)) => {
  let best = Infinity;
  for (const a of entries) best = Math.min(best, reach(a));
  return best;
};

interface PassContext {
  focus: ReturnType<typeof articleFocus>;
  folded: string[];
  containedBy: number[][];
  /** The places chosen so far, one per gazetteer entry, with the names that chose them. */
  anchors: { id: string; point: Position; names: Set<string> }[];
  /** By folded name, the province a mention with its feature word chose ("Balkh province"): what the bare name means elsewhere in the article. */
  senses: Map<string, string>;
  memo: Map<string, Scored[]>;
}

/**
 * One sense per article: a name given once with "province" means that province when it comes back bare
 * ("Balkh province … the health chief for Balkh" — not the town of Balkh, 20 km from the provincial capital);
 * one given with "district" means that district or a place in it ("the Baharak district [of Takhar] … clashes in
 * Baharak" — not Badakhshan's Baharak, 135 km away).
 */
function sensesOf(tops: Toponym[], chosen: (Scored | null)[], folded: string[]): Map<string, string> {
  const out = new Map<string, string>();
  tops.forEach((t, k) => {
    const c = chosen[k];
    // (a district's bare name is as often its seat, the town: the sense is the district's area, seat included)
    if (c && ((t.feature === 'ADM1' && c.entry.fc === 'ADM1') || (t.feature === 'ADM2' && c.entry.fc === 'ADM2')) && !out.has(folded[k])) out.set(folded[k], c.entry.id);
  });
  return out;
}

/** The places chosen so far (not countries, borders or governments), one per entry, for "km from another place". */
function anchorsOf(tops: Toponym[], chosen: (Scored | null)[], folded: string[]): PassContext['anchors'] {
  const byId = new Map<string, PassContext['anchors'][number]>();
  chosen.forEach((c, k) => {
    if (!c || c.entry.fc === 'PCLI' || c.entry.fc === 'BORDER' || tops[k].government || tops[k].dateline) return;
    const q = point(c.entry);
    if (!q) return;
    const a = byId.get(c.entry.id) ?? { id: c.entry.id, point: q, names: new Set<string>() };
    a.names.add(folded[k]);
    byId.set(c.entry.id, a);
  });
  return [...byId.values()];
}

interface Tally {
  country: Map<string, number>;
  admin1: Map<string, number>;
  n: number;
}

/**
 * Share of the article's resolved places in each country and province: the article's focus. Also kept per name
 * (`byName`), so that a name's own other mentions, which only repeat how that name was read, are left out of
 * the focus that judges it.
 */
function articleFocus(tops: Toponym[], chosen: (Scored | null)[], folded: string[]): Tally & { byName: Map<string, Tally> } {
  const all: Tally = { country: new Map(), admin1: new Map(), n: 0 };
  const byName = new Map<string, Tally>();
  const add = (t: Tally, c: Scored) => {
    t.n++;
    t.country.set(c.entry.country, (t.country.get(c.entry.country) ?? 0) + 1);
    if (c.entry.admin1) t.admin1.set(c.entry.admin1, (t.admin1.get(c.entry.admin1) ?? 0) + 1);
  };
  chosen.forEach((c, i) => {
    if (!c || tops[i].government) return;
    add(all, c);
    let own = byName.get(folded[i]);
    if (!own) byName.set(folded[i], (own = { country: new Map(), admin1: new Map(), n: 0 }));
    add(own, c);
  });
  return { ...all, byName };
}

const point = (e: GazetteerEntry): Position | null => (e.lon === undefined || e.lat === undefined ? null : [e.lon, e.lat]);
const isTown = (e: GazetteerEntry) => e.fc.startsWith('PPL');

function cueCountry(tops: Toponym[], i: number, chosen: (Scored | null)[]): { iso: string; why: string } | null {
  const t = tops[i];
  if (typeof t.countryCue === 'number') {
    const c = chosen[t.countryCue] ?? null;
    return c ? { iso: c.entry.country, why: `"${tops[t.countryCue].surface}" qualifies it` } : null;
  }
  if (t.countryCue === 'the-country') {
    // "the country's": the last country named before it, in this sentence or the ones before.
    for (let k = i - 1; k >= 0; k--) {
      const c = chosen[k];
      if (c && c.entry.fc === 'PCLI' && !tops[k].border) return { iso: c.entry.country, why: `"the country's" refers back to "${tops[k].surface}"` };
    }
  }
  return null;
}

function rankCandidates(
  g: LoadedGazetteer,
  t: Toponym,
  i: number,
  tops: Toponym[],
  chosen: (Scored | null)[],
  ctx: PassContext,
  pass: number,
): Scored[] {
  const { focus } = ctx;
  // a mention with no context of its own ranks exactly like every other mention in the same words
  const key = !t.container && t.countryCue === null && !ctx.containedBy[i].length
    ? `${ctx.folded[i]}|${t.feature}|${t.definite}|${t.adjective}|${chosen[i]?.entry.id ?? ''}|${t.matches.map((m) => m.entry.id + m.tier).join(',')}`
    : null;
  const memo = key ? ctx.memo.get(key) : undefined;
  if (memo) return memo;
  const result = rankUncached(g, t, i, tops, chosen, ctx, pass);
  if (key) ctx.memo.set(key, result);
  return result;
}

function rankUncached(g: LoadedGazetteer, t: Toponym, i: number, tops: Toponym[], chosen: (Scored | null)[], ctx: PassContext, pass: number): Scored[] {
  const { focus } = ctx;
  const seen = new Set<string>();
  const out: Scored[] = [];
  const cue = cueCountry(tops, i, chosen);
  const container = t.container ? { rel: t.container.relation, top: tops[t.container.index], c: chosen[t.container.index] } : null;
  for (const m of t.matches) {
    if (seen.has(m.entry.id)) continue;
    seen.add(m.entry.id);
    const e = m.entry;
    const ev: string[] = [];
    let s = (PRIOR[e.fc] ?? 1) + 0.3 * Math.log10(e.pop + 1) + TIER[m.tier];
    ev.push(`${m.tier === 'skeleton' ? 'spelling matches only in consonants' : m.tier === 'demonym' ? 'country adjective' : m.tier === 'alt' ? 'alternate name' : 'name'} (${e.fc}${e.pop ? `, pop. ${e.pop}` : ''})`);
    if (!point(e)) {
      s -= 10;
      ev.push('no source gives its location');
    }
    if (t.feature && t.feature !== 'AREA') {
      const fits = t.feature === 'ADM1' ? e.fc === 'ADM1' : t.feature === 'ADM2' ? e.fc === 'ADM2' : isTown(e);
      s += fits ? (t.feature === 'PPL' ? 3 : 6) : -3;
      ev.push(`${fits ? 'fits' : 'does not fit'} the feature word in "${t.surface}"`);
    } else if (e.fc === 'ADM2') {
      s -= 1;
    }
    // (not when the town of that name is the province's own capital — "Kunduz", "Batken" bare mostly mean the town)
    const sense = !t.feature && pass > 0 && !t.matches.some((m) => m.tier !== 'skeleton' && (m.entry.fc === 'PPLA' || m.entry.fc === 'PPLC')) ? ctx.senses.get(ctx.folded[i]) : undefined;
    if (sense && (sense === e.id || e.admin2 === sense)) {
      s += 3;
      ev.push(sense === e.id ? 'the article gives this name elsewhere with its feature word' : 'in the district the article gives this name to elsewhere');
    }
    if (t.definite && !t.feature && (isTown(e) || e.fc === 'ADM2')) {
      s -= 4;
      ev.push('"the" before it: unusual for a town or district');
    }
    if (cue && !t.adjective) {
      s += e.country === cue.iso ? 8 : -10;
      ev.push(`${e.country === cue.iso ? 'in' : 'not in'} ${cue.iso}: ${cue.why}`);
    }
    if (container?.c && pass > 0) {
      const y = container.c.entry;
      const yTop = container.top;
      let fit: boolean | null = null;
      if (y.fc === 'PCLI') fit = e.country === y.country;
      else if (y.fc === 'ADM1') fit = e.admin1 === y.admin1;
      else if ((container.rel !== 'comma' || y.fc === 'ADM2') && (y.fc === 'ADM2' || isTown(y))) {
        const p = point(e);
        const q = point(y);
        const reach = y.fc === 'ADM2' ? radiusForArea(y.areaKm2 ?? g.defaults.districtAreaKm2) + 10 : NEAR_TOWN_KM;
        fit = e.admin2 === y.id || (!!p && !!q && distanceKm(p, q) <= reach);
      }
      // "X, Y": a country, province or district after a comma contains X; a town after a comma is a list
      if (fit !== null && !(container.rel === 'comma' && !(y.fc === 'PCLI' || y.fc === 'ADM1' || y.fc === 'ADM2'))) {
        s += fit ? 6 : -4;
        ev.push(`${fit ? 'lies in' : 'outside'} "${yTop.surface}" (${container.rel})`);
      }
    }
    // "X in Y" read backwards: Y is the candidate that contains the places said to be in it.
    if (pass > 0 && (e.fc === 'ADM1' || e.fc === 'ADM2' || e.fc === 'PCLI')) {
      ctx.containedBy[i].forEach((k) => {
        const o = tops[k];
        const x = chosen[k]?.entry;
        if (!x || o.container?.index !== i || o.container.relation === 'comma' || o.container.relation === 'near' || o.feature === 'POST') return;
        const holds = e.fc === 'PCLI' ? x.country === e.country : e.fc === 'ADM1' ? x.admin1 === e.admin1 : x.admin2 === e.id || x.id === e.seat;
        s += holds ? 4 : -2;
        ev.push(`${holds ? 'contains' : 'does not contain'} ${x.name}, said to be in it ("${o.surface}")`);
      });
    }
    // "Pole-Khomri city of Baghlan", "Imam Sahib district of Kunduz": a town does not hold a district or a city
    if (pass > 0 && isTown(e)) {
      const holdsBigger = ctx.containedBy[i].some((k) => {
        const o = tops[k];
        return o.container?.index === i && (o.container.relation === 'in' || o.container.relation === 'of') && (o.feature === 'ADM2' || /\b(?:city|town)$/i.test(o.surface));
      });
      if (holdsBigger) {
        s -= 3;
        ev.push('a district or a city is said to be in it: an area, not a town');
      }
    }
    // (the places of other names: this name's own mentions, this one included, do not vouch for a reading of it)
    const own = focus.byName.get(ctx.folded[i]);
    const others = focus.n - (own?.n ?? 0);
    if (others > 0 && e.fc !== 'PCLI') {
      const minus = (map: Map<string, number>, mine: Map<string, number> | undefined, key: string | null) =>
        key ? ((map.get(key) ?? 0) - (mine?.get(key) ?? 0)) / others : 0;
      const cs = minus(focus.country, own?.country, e.country);
      const as = minus(focus.admin1, own?.admin1, e.admin1);
      if (cs > 0 || as > 0) {
        s += 2.5 * cs + 1.5 * as;
        ev.push(`article focus: ${Math.round(cs * 100)}% of its other places in ${e.country}${as > 0 ? `, ${Math.round(as * 100)}% in ${e.admin1}` : ''}`);
      }
      const p = point(e);
      if (p && e.fc !== 'ADM1') {
        let near = Infinity;
        const own = ctx.folded[i];
        for (const a of ctx.anchors) {
          // places named only in these same words do not vouch for each other
          // (nor does a place vouch for itself, whatever names chose it)
          if ((a.names.size === 1 && a.names.has(own)) || a.id === e.id) continue;
          near = Math.min(near, distanceKm(p, a.point));
        }
        if (near < 250) {
          s += near < 100 ? 1.5 : 0.5;
          ev.push(`${Math.round(near)} km from another place in the article`);
        }
      }
    }
    const outside = ev.some((x) => x.startsWith('outside "'));
    out.push({ entry: e, score: Math.round(s * 100) / 100, evidence: ev, looseAndOutside: m.tier === 'skeleton' && outside, loose: m.tier === 'skeleton' });
  }
  return out.sort((a, b) => b.score - a.score || b.entry.pop - a.entry.pop || a.entry.id.localeCompare(b.entry.id));
}

function admin1Name(g: LoadedGazetteer, iso: string | null): string | null {
  return iso ? (g.byId.get(`adm1:${iso}`)?.name ?? null) : null;
}

/** Between a name and another name for the same place in brackets: "Devashtich (formerly Ghonchi)", "Barkhorog (Upper Khorog)". */
const BRACKET_ALIAS = /^[ \t]*\([ \t]*(?:(?:formerly|previously|once|now|also(?:[ \t]+known[ \t]+as)?|known[ \t]+as|or|aka|a\.k\.a\.)[ \t]+)?$/i;

/**
 * A name and its other name in brackets are one place: the one the gazetteer places (the first when both are)
 * stands for both, so a district's former name is not read as the town that shares it.
 */
function sameInBrackets(mentions: ResolvedMention[], body: string): ResolvedMention[] {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const [a, b] = [mentions[k], mentions[k + 1]];
    if (!BRACKET_ALIAS.test(body.slice(a.end, b.start)) || !/^[ \t]*\)/.test(body.slice(b.end))) continue;
    const [from, to] = a.place ? [a, b] : [b, a];
    if (!from.place || (to.place && to.place.id === from.place.id)) continue;
    if (to.government || to.adjective) continue;
    to.place = from.place;
    to.reason = `another name for the place it is bracketed with ("${from.text}"): ${from.reason}`;
  }
  return mentions;
}

/** The province (admin-1) with this ISO 3166-2 code as a place, or null when the gazetteer has none. */
export function provincePlace(g: LoadedGazetteer, iso: string): ResolvedPlace | null {
  const e = g.byId.get(`adm1:${iso}`);
  return e ? placeOf(g, e) : null;
}

/** The place a gazetteer entry stands for, with precision and uncertainty said plainly. */
function placeOf(g: LoadedGazetteer, e: GazetteerEntry): ResolvedPlace | null {
  const p = point(e);
  if (!p) return null;
  const base = {
    id: e.id,
    name: e.name,
    country: e.country,
    admin1: admin1Name(g, e.admin1),
    admin1Code: e.admin1,
    admin2: e.admin2 && e.admin2 !== e.id ? (g.byId.get(e.admin2)?.name ?? null) : null,
    featureType: e.fc,
    coordinates: p as [number, number],
  };
  switch (e.fc) {
    case 'PCLI':
      return { ...base, geoPrecision: 3, uncertainty: null, note: 'the country as a whole: the point is a label point, not a location' };
    case 'ADM1':
      return {
        ...base,
        geoPrecision: 3,
        uncertainty: g.shapes[e.admin1 ?? ''] ? { type: 'MultiPolygon', coordinates: g.shapes[e.admin1!] } : null,
        note: 'the province as a whole: the point is its label point, the area its boundary',
      };
    case 'ADM2': {
      const area = e.areaKm2 ?? g.defaults.districtAreaKm2;
      const seat = e.seat ? g.byId.get(e.seat)?.name : undefined;
      return {
        ...base,
        admin2: e.name,
        geoPrecision: 2,
        uncertainty: circlePolygon(p, radiusForArea(area)),
        note: `the district as a whole (no district boundaries exist offline): the point is its seat ${seat ?? ''}, the area a circle of ${area.toLocaleString('en')} km² (${e.areaKm2 ? 'district area' : 'stated default area'}) around it`,
      };
    }
    case 'STM':
      return {
        ...base,
        geoPrecision: 3,
        uncertainty: e.line ? { type: 'MultiLineString', coordinates: e.line } : null,
        note: `a river: the point is a place on it, the line its course${e.note ? ` (${e.note})` : ''}`,
      };
    case 'BORDER':
      return {
        ...base,
        geoPrecision: 3,
        uncertainty: g.borders[e.borderOf!.join('-')] ? { type: 'MultiLineString', coordinates: g.borders[e.borderOf!.join('-')] } : null,
        note: `a border area: the point is the middle of the ${e.lengthKm} km border, the area the border line`,
      };
    default:
      return { ...base, geoPrecision: 1, uncertainty: null };
  }
}

/**
 * A border post no source locates, placed through the place the text puts it in: the parent's point and
 * precision, and as the area the stretch of international border inside the parent.
 */
function borderPostVia(g: LoadedGazetteer, t: Toponym, parent: GazetteerEntry, parentSurface: string): ResolvedPlace | null {
  // the same post through the same place gives the same answer: the border clipping is done once
  const key = `${t.surface}|${parent.id}|${parentSurface}`;
  let cache = postCache.get(g);
  if (!cache) postCache.set(g, (cache = new Map()));
  if (!cache.has(key)) {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, borderPostUncached(g, t, parent, parentSurface));
  }
  const hit = cache.get(key)!;
  return hit && { ...hit };
}

const postCache = new WeakMap<LoadedGazetteer, Map<string, ResolvedPlace | null>>();

function borderPostUncached(g: LoadedGazetteer, t: Toponym, parent: GazetteerEntry, parentSurface: string): ResolvedPlace | null {
  const base = placeOf(g, parent);
  if (!base) return null;
  const p = base.coordinates;
  let radius: number | null = null;
  let within = '';
  if (parent.fc === 'ADM2') {
    radius = radiusForArea(parent.areaKm2 ?? g.defaults.districtAreaKm2);
    within = `the district's area (a circle of ${(parent.areaKm2 ?? g.defaults.districtAreaKm2).toLocaleString('en')} km² around its seat)`;
  } else if (isTown(parent)) {
    radius = NEAR_TOWN_KM;
    within = `${NEAR_TOWN_KM} km of ${parent.name}`;
  }
  let uncertainty: Geometry | null = base.uncertainty;
  let stretch = '';
  const borders = Object.entries(g.borders).filter(([k]) => k.split('-').includes(parent.country));
  if (radius !== null) {
    const best = borders
      .map(([k, lines]) => ({ k, clip: clipLinesToCircle(lines, p, radius!) }))
      .map((b) => ({ ...b, km: lengthKm(b.clip) }))
      .sort((a, b) => b.km - a.km)[0];
    if (best && best.km > 0) {
      uncertainty = best.clip;
      stretch = `${Math.round(best.km)} km of the ${best.k.split('-').map((c) => g.byId.get(`country:${c}`)?.name ?? c).join('–')} border within ${within}`;
    }
  } else if (parent.fc === 'ADM1' && g.shapes[parent.admin1 ?? '']) {
    const poly = g.shapes[parent.admin1!];
    const best = borders
      .map(([k, lines]) => ({ k, clip: clipLinesToPolygon(lines, poly) }))
      .map((b) => ({ ...b, km: lengthKm(b.clip) }))
      .sort((a, b) => b.km - a.km)[0];
    if (best && best.km > 0) {
      uncertainty = best.clip;
      stretch = `${Math.round(best.km)} km of the ${best.k} border inside ${parent.name}`;
    }
  }
  const name = /\b(post|outpost|checkpoint|crossing)\b/i.test(t.surface) ? t.surface.replace(/^\s*the\s+/i, '') : `${t.name} border post`;
  return {
    ...base,
    id: `post:${foldName(t.name).replace(/ /g, '-')}@${parent.id}`,
    name: name.replace(/\b(Border|Post|Outpost|Checkpoint|Crossing)\b/g, (w) => w.toLowerCase()),
    featureType: 'border-post',
    admin2: parent.fc === 'ADM2' ? parent.name : base.admin2,
    geoPrecision: Math.max(2, base.geoPrecision) as GeoPrecision,
    uncertainty,
    note: `exact site not reported: no source locates this border post, so it is placed through "${parentSurface}" — the point is ${parent.fc === 'ADM2' ? `the district seat` : parent.name}${stretch ? `, the area the ${stretch}` : ''}`,
  };
}

function clipLinesToPolygon(lines: Position[][], poly: Position[][][]): MultiLineString {
  const out: Position[][] = [];
  for (const line of lines) {
    let cur: Position[] = [];
    for (const q of line) {
      if (inMultiPolygon(q, poly)) cur.push(q);
      else if (cur.length) {
        if (cur.length > 1) out.push(cur);
        cur = [];
      }
    }
    if (cur.length > 1) out.push(cur);
  }
  return { type: 'MultiLineString', coordinates: out };
}

function toMention(
  g: LoadedGazetteer,
  article: Article,
  t: Toponym,
  i: number,
  tops: Toponym[],
  chosen: (Scored | null)[],
  ranked: Scored[],
  { settled, postsByName, otherPoints, folded }: { settled: Settled[]; postsByName: Map<string, number[]>; otherPoints: Position[]; folded: string[] },
): ResolvedMention {
  const base = { article: article.id, start: t.start, end: t.end, text: article.body.slice(t.start, t.end) };
  const candidates: Candidate[] = ranked.map((r) => ({ id: r.entry.id, name: r.entry.name, country: r.entry.country, featureType: r.entry.fc, score: r.score }));
  const extra = { dateline: t.dateline || undefined, feature: t.feature };
  const unresolved = (reason: string, cands = candidates): ResolvedMention => ({ ...base, place: null, government: false, adjective: t.adjective, candidates: cands, reason, ...extra });

  if (t.border) {
    const e = g.byId.get(`border:${t.border.join('-')}`);
    const place = e && placeOf(g, e);
    if (!place) return unresolved(`no shared border between ${t.border.join(' and ')} in the gazetteer`);
    return { ...base, place, government: false, adjective: false, candidates: [{ id: e.id, name: e.name, country: e.country, featureType: e.fc, score: 0 }], reason: `"${t.surface}" names the border between ${t.border.join(' and ')}`, ...extra };
  }

  if (t.feature === 'RIVER') {
    const river = t.matches.find((m) => m.entry.fc === 'STM')?.entry;
    const place = river && placeOf(g, river);
    if (!place) return unresolved('a river or lake the gazetteer does not hold', []);
    return { ...base, place, government: false, adjective: false, candidates: [{ id: river.id, name: river.name, country: river.country, featureType: river.fc, score: 0 }], reason: `"${t.surface}" names a river`, ...extra };
  }

  if (t.feature === 'POST') {
    const sameName = ranked.length ? ranked : t.matches.map((m) => ({ entry: m.entry, score: 0, evidence: [] }));
    const rejected: Candidate[] = sameName.map((r) => ({ id: r.entry.id, name: r.entry.name, country: r.entry.country, featureType: r.entry.fc, score: -1 }));
    const parentIndex = t.container ? t.container.index : -1;
    const parent = parentIndex >= 0 ? chosen[parentIndex] : null;
    if (parent && parent.entry.fc !== 'PCLI') {
      const place = borderPostVia(g, t, parent.entry, tops[parentIndex].surface);
      if (place) {
        const why = rejected.length
          ? `; set aside ${rejected.map((r) => `${r.name} (${r.featureType}, ${admin1Name(g, g.byId.get(r.id)?.admin1 ?? null) ?? r.country}${point(g.byId.get(r.id)!) && point(parent.entry) ? `, ${Math.round(distanceKm(point(g.byId.get(r.id)!)!, point(parent.entry)!))} km away` : ''})`).join(', ')}: the text names a border post, not that place`
          : '';
        return {
          ...base,
          place,
          government: false,
          adjective: false,
          candidates: [{ id: place.id, name: place.name, country: place.country, featureType: 'border-post', score: 1 }, ...rejected],
          reason: `a border post "${t.container!.relation}" ${tops[parentIndex].surface}: located through it${why}`,
          ...extra,
        };
      }
    }
    // The same post located elsewhere in the article ("the Istiqlol post" after "the Istiqlol border post in …").
    for (const k of postsByName.get(folded[i]) ?? []) {
      const o = tops[k];
      if (k === i || !o.container) continue;
      const op = chosen[o.container.index];
      const place = op && borderPostVia(g, o, op.entry, tops[o.container.index].surface);
      if (place) return { ...base, place, government: false, adjective: false, candidates: [{ id: place.id, name: place.name, country: place.country, featureType: 'border-post', score: 1 }, ...rejected], reason: `the same border post as "${o.surface}" earlier in the article`, ...extra };
    }
    // Posts and crossings are often named after the settlement they sit by (Dusti, Panji Poyon): a town of
    // that name close to an international border, and not far from the article's other places, locates it.
    const others = otherPoints;
    const namesake = sameName
      .map((r) => r.entry)
      .filter((e) => isTown(e) && point(e))
      .map((e) => ({ e, border: Math.min(...Object.entries(g.borders).filter(([k]) => k.split('-').includes(e.country)).map(([, l]) => nearestVertexKm(l, point(e)!))) }))
      .filter((x) => x.border <= NEAR_TOWN_KM && (others.length === 0 || others.some((q) => distanceKm(q, point(x.e)!) <= 150)))
      .sort((a, b) => a.border - b.border)[0];
    if (namesake) {
      const place = borderPostVia(g, t, namesake.e, namesake.e.name);
      if (place) {
        place.note = `exact site not reported: placed at ${namesake.e.name}, the town it is named after, ${Math.round(namesake.border)} km from the border; ${place.note}`;
        return { ...base, place, government: false, adjective: false, candidates: [{ id: place.id, name: place.name, country: place.country, featureType: 'border-post', score: 1 }, ...rejected], reason: `no district or town given: a border post named after ${namesake.e.name} (${namesake.e.fc}), ${Math.round(namesake.border)} km from the border`, ...extra };
      }
    }
    return unresolved('a border post: no source locates border posts and the text does not say which district or town it is in', rejected);
  }

  const best = chosen[i];
  if (!best) return unresolved(t.matches.length ? 'no candidate could be placed' : `"${t.surface}" is not in the gazetteer`);
  const place = placeOf(g, best.entry);
  if (!place) {
    return unresolved(`${best.entry.name} (${best.entry.fc}, ${admin1Name(g, best.entry.admin1) ?? best.entry.country}) is known but no source gives its location${best.entry.fc === 'ADM2' ? ' (no seat among the GeoNames rows)' : ''}`);
  }
  if (t.definite && !t.feature && (isTown(best.entry) || best.entry.fc === 'ADM2') && !t.adjective) {
    return unresolved(`"the ${t.name}" with no feature word: a town's or district's name after "the" usually stands for a river or an area, so it is not placed`);
  }
  if (best.looseAndOutside) {
    return unresolved(`only a loose spelling (${best.entry.name}, ${admin1Name(g, best.entry.admin1) ?? best.entry.country}) matches, and it lies outside "${tops[t.container!.index].surface}" where the text puts "${t.surface}": a village the gazetteer does not hold`);
  }
  const cue = t.adjective ? null : cueCountry(tops, i, chosen);
  if (cue && best.entry.country !== cue.iso) {
    return unresolved(`the text puts "${t.surface}" in ${countryName(cue.iso)} (${cue.why}), and no place of that name there is known: ${best.entry.name} is in ${countryName(best.entry.country)}`);
  }
  const outside = best.evidence.find((x) => x.startsWith('outside "'));
  if (outside && isTown(best.entry) && !['PPLA', 'PPLC'].includes(best.entry.fc)) {
    return unresolved(`the text puts "${t.surface}" in ${outside.slice(8)}, and no place of that name there is known: ${best.entry.name} (${admin1Name(g, best.entry.admin1) ?? countryName(best.entry.country)}) lies outside it`);
  }
  const veto = best.loose ? looseVeto(g, t, i, tops, chosen, best, settled) : namesakeVeto(t, i, best, settled);
  if (veto) return unresolved(veto);
  // "captured the capital of Kunduz province": the province's seat, not the province
  // ("Khorog, the administrative centre of GBAO" describes a town already named: the province stays the province)
  const before = article.body.slice(Math.max(0, t.start - 60), t.start);
  if (best.entry.fc === 'ADM1' && CAPITAL_OF.test(before) && !APPOSED_CAPITAL.test(before)) {
    const seat = capitalOf(g, best.entry);
    const seatPlace = seat && placeOf(g, seat);
    if (seatPlace) return { ...base, place: seatPlace, government: false, adjective: false, candidates, reason: `"the capital of ${t.surface}": ${seat!.name}, the seat (${seat!.fc}) of ${best.entry.name}`, ...extra };
  }
  const government = !!t.government && (best.entry.fc === 'PCLI' || best.entry.fc === 'PPLC');
  const runnerUp = ranked[1];
  const margin = runnerUp ? `; beat ${runnerUp.entry.name} (${runnerUp.entry.country} ${runnerUp.entry.fc}) ${best.score} to ${runnerUp.score}` : '';
  const reasons = [...best.evidence];
  if (government) reasons.push(`stands for the government: ${t.government}`);
  if (t.dateline) reasons.push('dateline: where the report was filed');
  // A town matched only by a loose spelling is near that town at best: precision 2, never 1.
  const loosePlace: ResolvedPlace =
    best.loose && place.geoPrecision === 1
      ? { ...place, geoPrecision: 2, uncertainty: circlePolygon(place.coordinates, LOOSE_TOWN_KM), note: `the text's spelling “${t.name}” matches ${place.name} only loosely: placed there, within ${LOOSE_TOWN_KM} km` }
      : place;
  return { ...base, place: loosePlace, government, adjective: t.adjective, candidates, reason: reasons.join('; ') + margin, ...extra };
}

/** "the capital of", "the provincial capital of", "the administrative centre of": the seat of the province named next. */
const CAPITAL_OF = /\b(?:(?:provincial|regional|administrative)\s+)?(?:capital|centre|center)\s+of\s+(?:the\s+)?$/i;
const APPOSED_CAPITAL = /[,(—–]\s*(?:(?:the|its)\s+)?(?:[\w-]+\s+){0,3}(?:capital|centre|center)\s+of\s+(?:the\s+)?$/i;
const seats = new WeakMap<LoadedGazetteer, Map<string, GazetteerEntry>>();
/** The province's seat: the gazetteer's first-order administrative seat (GeoNames PPLA) in it, or the national capital if that lies in it. */
function capitalOf(g: LoadedGazetteer, province: GazetteerEntry): GazetteerEntry | null {
  let index = seats.get(g);
  if (!index) {
    index = new Map();
    for (const e of g.entries) if ((e.fc === 'PPLA' || e.fc === 'PPLC') && e.admin1 && !index.has(`${e.country}.${e.admin1}`)) index.set(`${e.country}.${e.admin1}`, e);
    seats.set(g, index);
  }
  return index.get(`${province.country}.${province.admin1}`) ?? null;
}

/** How far a town matched only by a loose spelling may be from the place the text meant. */
const LOOSE_TOWN_KM = 10;

/**
 * Why a place matched only by a loose spelling is not believed, or null: it must lie in the map's region,
 * fit the feature word, and lie near the places the article names exactly (or, with none, in a country it
 * names). A confident far-away point is worse than an unresolved name.
 */
function looseVeto(g: LoadedGazetteer, t: Toponym, i: number, tops: Toponym[], chosen: (Scored | null)[], best: Scored, settled: Settled[]): string | null {
  const e = best.entry;
  const spelled = `only a loose spelling matches ${e.name} (${e.fc}, ${countryName(e.country)})`;
  if (!MAP_REGION.has(e.country)) return `${spelled}, outside the region the map covers`;
  if (t.feature && t.feature !== 'POST' && t.feature !== 'AREA' && !(t.feature === 'ADM1' ? e.fc === 'ADM1' : t.feature === 'ADM2' ? e.fc === 'ADM2' : isTown(e))) {
    return `${spelled}, which is not what "${t.surface}" says it is`;
  }
  // a country the text states for it ("Tajikistan's Darvaz district") and a fitting feature word: two constraints met
  const cue = cueCountry(tops, i, chosen);
  if (cue && cue.iso === e.country && t.feature && t.feature !== 'POST' && t.feature !== 'AREA') return null;
  const p = point(e);
  const anchors = settled.filter((a) => a.only !== i).map((a) => a.entry);
  if (anchors.length && p) {
    const inNamedProvince = anchors.some((a) => a.fc === 'ADM1' && a.admin1 === e.admin1);
    // a province is as near as its outline, not its label point
    const reach = (a: GazetteerEntry) => (a.fc === 'ADM1' && g.shapes[a.admin1 ?? ''] ? (inMultiPolygon(p, g.shapes[a.admin1!]) ? 0 : nearestVertexKm(g.shapes[a.admin1!].flat(), p)) : point(a) ? distanceKm(p, point(a)!) : Infinity);
    const near = nearestKm(p, anchors, reach);
    if (!inNamedProvince && near > LOOSE_REACH_KM) return `${spelled}, ${Math.round(near)} km from every place the article names: a place the gazetteer does not hold`;
    // …and near the places named around it: "the Taloqa area" told just after Kunduz is not a town 500 km away
    // that happens to lie near another province the article names further down
    const around = tops.flatMap((o, k) => {
      const c = chosen[k];
      return k !== i && c && !c.loose && !o.government && !o.adjective && o.sentence <= t.sentence && o.sentence >= t.sentence - LOOSE_LOCAL_SENTENCES && c.entry.fc !== 'PCLI' && !o.border ? [c.entry] : [];
    });
    const nearAround = around.length ? nearestKm(p, around, reach) : 0;
    if (nearAround > LOOSE_REACH_KM) return `${spelled}, ${Math.round(nearAround)} km from the places named around it: a place the gazetteer does not hold`;
    return null;
  }
  const named = new Set(chosen.flatMap((c, k) => (c && c.entry.fc === 'PCLI' && !tops[k].border ? [c.entry.country] : [])));
  if (named.size && !named.has(e.country)) return `${spelled}, in a country the article does not name`;
  return null;
}

/** A village (not a seat) further than this from every other place an article names is likely a namesake. */
const NAMESAKE_REACH_KM = 200;

/**
 * Why an exactly named village is not believed, or null: villages share names across the region, and one
 * that lies far from every other place the article names, outside every province it names, is most likely
 * another village of the same name the gazetteer does not hold (Somoniyon in Batken is not Somoniyon near Dushanbe).
 */
function namesakeVeto(t: Toponym, i: number, best: Scored, settled: Settled[]): string | null {
  const e = best.entry;
  if (!isTown(e) || ['PPLA', 'PPLC'].includes(e.fc) || e.pop >= 50_000 || (t.container && t.container.relation !== 'comma') || t.countryCue !== null) return null;
  const p = point(e);
  const own = foldName(t.name);
  const anchors = settled.filter((a) => a.only !== i && !(a.names.size === 1 && a.names.has(own))).map((a) => a.entry);
  if (!p || anchors.length < 2) return null;
  if (anchors.some((a) => (a.fc === 'ADM1' && a.admin1 === e.admin1) || (a.fc === 'ADM2' && e.admin2 === a.id))) return null;
  const near = nearestKm(p, anchors);
  return near > NAMESAKE_REACH_KM ? `${e.name} (${e.fc}, ${countryName(e.country)}) is ${Math.round(near)} km from every other place the article names: most likely another place of the same name that the gazetteer does not hold` : null;
}
