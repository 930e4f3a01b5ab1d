import type { Point } from 'geojson';
import { skeleton } from '../geoparse/normalize';
import type { Claim, Disagreement, EventFeature, Excerpt, SourceRef, TimePrecision } from '../types';
import type { AggregateClaim, ArticleIncident } from './incidents';
import { Heap } from './heap';
import type { Located } from './locate';

/** One article's incident with its place (null when nothing placed it) and the article's published date. */
export interface Report {
  incident: ArticleIncident;
  located: Located | null;
  published?: string;
}

const DAY = 86_400_000;
const SPECIFIC: Record<string, number> = { 'Air/drone strike': 0, 'Shelling/artillery/missile attack': 1, 'Remote explosive/landmine/IED': 2, Grenade: 3, 'Armed clash': 4, Attack: 5 };
/** Groups merge when the best evidence between them reaches this score. */
const MERGE_AT = 3;
/** Reports told to the day may be this many days apart and still be one incident (a disagreement kept). */
const DAY_SLACK = 7;

/**
 * What pairScore compares of a report, worked out once: the date span (and its day number), employers'
 * skeletons, sets of weapons, nationalities and kinds of target, whether workers are the victims. Plain data
 * (no report, no geometry), so that it can be kept between builds (see {@link MergeState}).
 */
export interface Compared {
  article: string;
  /** The report's order in its article. */
  order: number;
  span: { start: string; end: string; explicit: boolean } | null;
  /** Day number of span.start (NaN when it is not a YYYY-MM-DD date). */
  startDay: number;
  precision: number;
  /** Told to the day by the text itself: eligible for the ±7-day tolerance. */
  explicitDay: boolean;
  located: Pick<Located, 'placeId' | 'country' | 'admin1' | 'admin2'> | null;
  type: string;
  weapons: Set<string>;
  employers: string[];
  nationalities: Set<string>;
  kinds: Set<string>;
  workers: boolean;
  killedRoles: Set<string>;
}

/** A report with what pairScore compares, and its position in the canonical order (article, then order in the article). */
interface Prepared extends Compared {
  report: Report;
  index: number;
}

const WORKERS = /\b(?:workers?|employees?|staff|labou?rers?|work(?:ing|ed)\s+(?:on|for|at))\b/i;

function compared(report: Report): Compared {
  const i = report.incident;
  const span = i.date ? { start: i.date.start, end: i.date.end, explicit: true } : i.undated ? { ...i.undated, explicit: false } : null;
  const l = report.located;
  return {
    article: i.article,
    order: i.order,
    span,
    startDay: span ? Date.parse(span.start) / DAY : NaN,
    precision: i.date?.timePrecision ?? 2,
    explicitDay: !!i.date && i.date.timePrecision === 1,
    located: l ? { placeId: l.placeId, country: l.country, admin1: l.admin1, admin2: l.admin2 } : null,
    type: i.type.subEventType,
    weapons: new Set(i.weapons.map((w) => w.value)),
    employers: i.victims.employers.map((e) => skeleton(e.value)),
    nationalities: new Set(i.victims.nationalities.map((n) => n.value)),
    kinds: new Set(i.victims.targets.map((t) => t.value).filter((t) => t === 'mining' || t === 'construction' || t === 'border post')),
    workers: WORKERS.test(i.ranges.map((x) => x.text).join(' ')),
    killedRoles: new Set((i.killed?.parts ?? []).map((p) => p.role).filter((x) => x !== 'unknown')),
  };
}

const prepare = (report: Report, index: number): Prepared => ({ ...compared(report), report, index });

const shares = <T,>(a: Set<T>, b: Iterable<T>) => {
  for (const x of b) if (a.has(x)) return true;
  return false;
};

/** Pair score: null when two reports cannot be one incident, else the evidence that they are. */
function pairScore(a: Compared, b: Compared): number | null {
  if (a.article === b.article) return null;
  const sa = a.span;
  const sb = b.span;
  if (!sa || !sb) return null;
  let score = 0;
  const pa = a.precision;
  const pb = b.precision;
  // overlapping spans: strong when told at the same precision, weak when a month merely contains a day
  if (sa.start <= sb.end && sb.start <= sa.end) score += pa === pb ? (sa.start === sb.start && sa.end === sb.end && pa === 1 ? 3 : 2) : Math.abs(pa - pb) === 1 ? 1 : 0;
  else if (a.explicitDay && b.explicitDay && Math.abs(Math.round(b.startDay - a.startDay)) <= DAY_SLACK) score -= 1;
  else return null;
  // places: the same, nested, or in conflict
  const la = a.located;
  const lb = b.located;
  if (la && lb) {
    if (la.placeId === lb.placeId) score += 2;
    else if (la.country !== lb.country) return null;
    else if (la.admin2 && lb.admin2 && la.admin2 !== lb.admin2) return null;
    else if (la.admin1 && lb.admin1 && la.admin1 !== lb.admin1) return null;
    else if ((la.admin2 && la.admin2 === lb.admin2) || (la.admin1 && la.admin1 === lb.admin1)) score += 1;
  }
  if (a.type === b.type) score += 2;
  if (shares(a.weapons, b.weapons)) score += 1;
  // victims: employer, nationality, kind of target, who was killed
  if (a.employers.length && b.employers.length) score += a.employers.some((e) => b.employers.includes(e)) ? 3 : -3;
  if (shares(a.nationalities, b.nationalities)) score += 1;
  if (shares(a.kinds, b.kinds)) score += 1;
  if (a.workers && b.workers) score += 1;
  if (a.killedRoles.size && b.killedRoles.size && !shares(a.killedRoles, b.killedRoles)) return null;
  return score;
}

/** The last day (as a YYYY-MM-DD string) a report starting after `p` may start on and still pair with it. */
function reach(p: Compared): string {
  const end = p.span!.end;
  if (!p.explicitDay || Number.isNaN(p.startDay)) return end;
  const slack = new Date((p.startDay + DAY_SLACK) * DAY).toISOString().slice(0, 10);
  return slack > end ? slack : end;
}

/**
 * Calls `link` for every pair of items that scores MERGE_AT or more (the candidate graph's edges: groups only
 * ever merge along them). One sweep over the items sorted by start date (ties: their order in `items`): a pair
 * that pairScore does not reject has overlapping spans or days at most DAY_SLACK apart, so the later one starts
 * by the earlier one's {@link reach}.
 */
function sweepLinks<T extends Compared>(items: T[], link: (a: T, b: T) => void): void {
  const order = items.map((_, i) => i).filter((i) => items[i].span);
  order.sort((i, j) => {
    const a = items[i].span!.start;
    const b = items[j].span!.start;
    return a < b ? -1 : a > b ? 1 : i - j;
  });
  const byStart = order.map((i) => items[i]);
  for (let x = 0; x < byStart.length; x++) {
    const a = byStart[x];
    const last = reach(a);
    for (let y = x + 1; y < byStart.length && byStart[y].span!.start <= last; y++) {
      const b = byStart[y];
      const s = pairScore(a, b);
      if (s !== null && s >= MERGE_AT) link(a, b);
    }
  }
}

/**
 * Groups reports of one incident from different articles. Best-first agglomeration: the two groups with the
 * highest score merge first, as long as every pair across them is compatible and no article would appear
 * twice (an article that tells two incidents tells two different ones). Compatible means: date spans overlap
 * (or, both to the day, at most 7 days apart — a disagreement kept on the event), no conflicting country or
 * district, no conflicting employer or kind of victims (smugglers are not workers). The score counts the
 * evidence: same day (a month that merely contains the day counts for nothing), same place, same ACLED type,
 * shared weapon, employer, nationality, kind of target, workers as victims.
 * Groups merge at a score of 3 or more; between equal scores, the pair that comes first in the canonical
 * order (article, then order in it) of the groups' first reports.
 *
 * In near-linear time: two reports can only pair when their dates overlap or lie within 7 days, so one sweep
 * over the reports sorted by start date finds every candidate pair (a window per report, not all pairs);
 * only pairs scoring 3 or more link groups, and a heap keyed by (score, positions) hands out the best merge,
 * entries made stale by a merge being skipped. A group pair's compatibility is every pair across it, as
 * before, each pair's score computed once.
 *
 * @example
 * groupReports(reports).map((g) => g.length) // [5, 2, 1, 1, 1, 1]
 */
export function groupReports(reports: Report[]): Report[][] {
  const { canonical, groups } = grouped(reports);
  return groups.map((g) => g.map((m) => canonical[m]));
}

/** {@link groupReports}'s work: the reports in canonical order, prepared, and the groups as canonical indices; `link` sees every candidate edge. */
function grouped(reports: Report[], link?: (a: number, b: number) => void): { canonical: Report[]; prepared: Prepared[]; groups: number[][] } {
  // a canonical order, so that ties between equal scores never depend on the order the articles came in
  const canonical = [...reports].sort((a, b) => a.incident.article.localeCompare(b.incident.article) || a.incident.order - b.incident.order);
  const prepared = canonical.map(prepare);
  const n = prepared.length;

  // the scores \`across\` asks for, each computed once (key: lower index * n + higher index); the sweep below does
  // not keep its scores here: at 100,000 reports it scores tens of millions of pairs, nearly all below MERGE_AT,
  // and a Map that size cost more than the scoring itself
  const scores = new Map<number, number | null>();
  const score = (x: number, y: number): number | null => {
    const k = x < y ? x * n + y : y * n + x;
    let s = scores.get(k);
    if (s === undefined) scores.set(k, (s = pairScore(prepared[x], prepared[y])));
    return s;
  };

  // groups are named by their first report's canonical index; members keep the original concatenation order
  const members: number[][] = prepared.map((_, i) => [i]);
  const owner = prepared.map((_, i) => i);
  const stamp = new Array<number>(n).fill(0);
  const neighbours: Set<number>[] = prepared.map(() => new Set());

  // candidate pairs: a sweep over start dates; pairs that can link two groups are neighbours
  sweepLinks(prepared, (a, b) => {
    neighbours[a.index].add(b.index);
    neighbours[b.index].add(a.index);
    link?.(a.index, b.index);
  });

  interface Candidate { s: number; i: number; j: number; si: number; sj: number }
  const heap = new Heap<Candidate>((a, b) => a.s > b.s || (a.s === b.s && (a.i < b.i || (a.i === b.i && a.j < b.j))));
  /** The best score across two groups, or null when some pair across them is incompatible. */
  const across = (g: number, h: number): number | null => {
    let best = -Infinity;
    for (const a of members[g]) {
      for (const b of members[h]) {
        const s = score(a, b);
        if (s === null) return null;
        if (s > best) best = s;
      }
    }
    return best;
  };
  const offer = (g: number, h: number) => {
    const s = across(g, h);
    const [i, j] = g < h ? [g, h] : [h, g];
    if (s !== null && s >= MERGE_AT) heap.push({ s, i, j, si: stamp[i], sj: stamp[j] });
  };
  for (let g = 0; g < n; g++) for (const h of neighbours[g]) if (g < h) offer(g, h);

  for (let c = heap.pop(); c; c = heap.pop()) {
    if (owner[c.i] !== c.i || owner[c.j] !== c.j || stamp[c.i] !== c.si || stamp[c.j] !== c.sj) continue; // stale
    const { i, j } = c;
    members[i] = [...members[i], ...members[j]];
    for (const m of members[j]) owner[m] = i;
    members[j] = [];
    stamp[i]++;
    for (const k of neighbours[j]) {
      neighbours[k].delete(j);
      if (k !== i) {
        neighbours[k].add(i);
        neighbours[i].add(k);
      }
    }
    neighbours[i].delete(j);
    neighbours[j].clear();
    for (const k of neighbours[i]) offer(i, k);
  }
  return { canonical, prepared, groups: members.filter((g) => g.length) };
}

const byCanonical = (a: { article: string; order: number }, b: { article: string; order: number }) => a.article.localeCompare(b.article) || a.order - b.order;

/**
 * What a grouping leaves for the next one (kept with the brief's snapshot): every report's {@link Compared}
 * record with its component of the candidate graph (reports joined by edges, transitively), and the groups in
 * canonical order, each named by its first report (article, order) with its component.
 *
 * Groups only merge along edges, and what merges inside one component never touches another, so the groups of
 * a corpus are the groups of each component on its own. An article added, removed or changed touches the
 * components of its old reports and of the reports its new ones link to; {@link regroup} groups those again
 * and keeps every other group as it was.
 */
export interface GroupingState {
  records: Compared[];
  /** The component of each record. */
  component: number[];
  groups: { article: string; order: number; component: number }[];
}

/** Components of the candidate graph over prepared items, from its edges (union–find): a label per item. */
function components(n: number, edges: (link: (a: number, b: number) => void) => void): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  edges((a, b) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  return parent.map((_, i) => find(i));
}

/** {@link groupReports}, with the state a later {@link regroup} starts from. */
export function groupWithState(reports: Report[]): { groups: Report[][]; state: GroupingState } {
  const edges: [number, number][] = [];
  const { canonical, prepared, groups } = grouped(reports, (a, b) => edges.push([a, b]));
  const component = components(prepared.length, (link) => edges.forEach(([a, b]) => link(a, b)));
  return {
    groups: groups.map((g) => g.map((m) => canonical[m])),
    state: {
      records: prepared.map(({ report: _r, index: _i, ...c }) => c),
      component,
      groups: groups.map((g) => ({ article: prepared[g[0]].article, order: prepared[g[0]].order, component: component[g[0]] })),
    },
  };
}

/** One group of a regrouping, in canonical order: kept from the state (its index there) or made again. */
export type Regrouped = { kept: number } | { made: Report[] };

/**
 * The groups of `reports` (the whole corpus's) given the state of an earlier grouping and the articles whose
 * reports changed since (added, removed or changed): only the components those touch are grouped again.
 * The same groups, in the same order, as {@link groupReports}(reports) — the test compares.
 */
export function regroup(state: GroupingState, reports: Report[], changed: Set<string>): { groups: Regrouped[]; state: GroupingState } {
  const fresh = reports.filter((r) => changed.has(r.incident.article));
  const freshCompared = fresh.map(compared);
  // touched: components with a changed article's old report, and those a new report links to
  const touched = new Set<number>();
  state.records.forEach((r, i) => {
    if (changed.has(r.article)) touched.add(state.component[i]);
  });
  state.records.forEach((r, i) => {
    if (changed.has(r.article) || touched.has(state.component[i])) return;
    for (const f of freshCompared) {
      const s = pairScore(f, r);
      if (s !== null && s >= MERGE_AT) {
        touched.add(state.component[i]);
        break;
      }
    }
  });
  const again = new Set<string>();
  state.records.forEach((r, i) => {
    if (!changed.has(r.article) && touched.has(state.component[i])) again.add(`${r.article}\u0000${r.order}`);
  });
  const regrouped = groupWithState([...reports.filter((r) => again.has(`${r.incident.article}\u0000${r.incident.order}`)), ...fresh]);

  // the new state: untouched records and groups as they were, the regrouped ones under new component labels
  let next = 0;
  for (const c of state.component) if (c >= next) next = c + 1;
  const records: Compared[] = [];
  const component: number[] = [];
  state.records.forEach((r, i) => {
    if (touched.has(state.component[i])) return;
    records.push(r);
    component.push(state.component[i]);
  });
  regrouped.state.records.forEach((r, i) => {
    records.push(r);
    component.push(next + regrouped.state.component[i]);
  });
  // the two lists of groups, each in canonical order of first reports, merged
  const groups: Regrouped[] = [];
  const named: GroupingState['groups'] = [];
  const kept = state.groups.map((g, k) => ({ ...g, k })).filter((g) => !touched.has(g.component));
  const made = regrouped.state.groups;
  let x = 0;
  let y = 0;
  while (x < kept.length || y < made.length) {
    if (y >= made.length || (x < kept.length && byCanonical(kept[x], made[y]) < 0)) {
      const g = kept[x++];
      groups.push({ kept: g.k });
      named.push({ article: g.article, order: g.order, component: g.component });
    } else {
      groups.push({ made: regrouped.groups[y] });
      named.push({ ...made[y], component: next + made[y].component });
      y++;
    }
  }
  return { groups, state: { records, component, groups: named } };
}

/** Richness of a report: how many facts it gives, to break ties between equally precise claims. */
function richness(r: Report): number {
  const i = r.incident;
  return (i.killed ? 1 : 0) + (i.injured ? 1 : 0) + i.victims.employers.length + (r.located ? 4 - r.located.geoPrecision : 0) + (i.origin ? 1 : 0);
}

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function claim<T>(value: T, r: Report, excerpt?: Excerpt): Claim<T> {
  return { value, article: r.incident.article, ...(excerpt ? { excerpt } : {}) };
}

/**
 * One event Feature from the reports of one incident. Each field takes the best-supported claim and every
 * claim that differs is kept in `disagreements` with its article and excerpt:
 * - date: the most precise explicit date; between equally precise dates that differ, the one more articles
 *   give, then the one from the richer report; an undated report ("have been killed") only bounds it;
 * - fatalities and injured: ACLED's lowest reported figure among exact figures; vague figures ("several")
 *   count only when no exact one exists, and then `fatalitiesVague`/`injuredVague` is true; null when no
 *   report gives a figure;
 * - place: the most precise place; type: the ACLED type most reports give, ties to the more specific;
 * - weapons, employers, kinds of target, origin and actors: every claim kept.
 */
export function toEventFeature(reports: Report[]): EventFeature {
  const sorted = [...reports].sort((a, b) => a.incident.article.localeCompare(b.incident.article) || a.incident.order - b.incident.order);
  const disagreements: Disagreement[] = [];

  // date
  const dated = sorted.filter((r) => r.incident.date);
  const bestPrec = Math.min(...dated.map((r) => r.incident.date!.timePrecision), 4);
  const top = dated.filter((r) => r.incident.date!.timePrecision === bestPrec);
  const votes = new Map<string, Report[]>();
  for (const r of top) votes.set(r.incident.date!.start, [...(votes.get(r.incident.date!.start) ?? []), r]);
  const chosen = [...votes.values()].sort((a, b) => b.length - a.length || Math.max(...b.map(richness)) - Math.max(...a.map(richness)))[0];
  let date: string;
  let dateEnd: string;
  let timePrecision: TimePrecision;
  let dateBasis: string;
  if (chosen) {
    const d = chosen[0].incident.date!;
    ({ start: date, end: dateEnd, timePrecision } = d);
    dateBasis = `${d.span.text}: ${d.basis}${d.partOfDay ? ` (${d.partOfDay})` : ''}`;
  } else {
    const u = sorted.find((r) => r.incident.undated)?.incident.undated;
    // ACLED's convention for a report that gives no date: the report's day, with time precision 2 (the act may lie
    // anywhere in the week before it), rather than a week-long span nobody reported
    date = u?.end ?? '';
    dateEnd = u?.end ?? '';
    timePrecision = 2;
    dateBasis = `no date in the text: the day of the report, as ACLED codes an undated report (precision 2: any day from ${u?.start ?? '?'} to ${u?.end ?? '?'})`;
  }
  const dateClaims = dated.map((r) => claim(`${r.incident.date!.start}${r.incident.date!.end !== r.incident.date!.start ? `/${r.incident.date!.end}` : ''}`, r, r.incident.date!.span));
  const conflicting = dated.some((r) => r.incident.date!.end < date || r.incident.date!.start > dateEnd);
  if (conflicting) disagreements.push({ field: 'date', claims: dateClaims });

  // casualties
  const count = (field: 'killed' | 'injured') => {
    const claims = sorted.filter((r) => r.incident[field]).map((r) => ({ r, t: r.incident[field]! }));
    const exact = claims.filter((c) => !c.t.vague);
    const pool = exact.length ? exact : claims;
    const value = pool.length ? Math.min(...pool.map((c) => c.t.value)) : null;
    const vague = !exact.length && claims.length > 0;
    const values = new Set(exact.map((c) => c.t.value));
    const vagueAbove = value !== null && claims.some((c) => c.t.vague && c.t.value > value);
    if (values.size > 1 || vagueAbove) {
      disagreements.push({ field: field === 'killed' ? 'fatalities' : 'injured', claims: claims.map((c) => claim(`${c.t.value}${c.t.vague ? ' (vague)' : ''}`, c.r, c.t.parts[0]?.span)) });
    }
    return { value, vague, claims };
  };
  const killed = count('killed');
  const injured = count('injured');

  // place
  const placed = sorted.filter((r) => r.located);
  placed.sort((a, b) => a.located!.geoPrecision - b.located!.geoPrecision || Number(a.located!.border) - Number(b.located!.border) || richness(b) - richness(a));
  const place = placed[0]?.located ?? null;
  const conflictPlace = placed.some((r) => {
    const l = r.located!;
    return place && (l.country !== place.country || (l.admin1 && place.admin1 && l.admin1 !== place.admin1) || (l.admin2 && place.admin2 && l.admin2 !== place.admin2));
  });
  if (conflictPlace) disagreements.push({ field: 'place', claims: placed.map((r) => claim(r.located!.location, r, r.located!.excerpt)) });

  // type
  const typeVotes = new Map<string, Report[]>();
  for (const r of sorted) typeVotes.set(r.incident.type.subEventType, [...(typeVotes.get(r.incident.type.subEventType) ?? []), r]);
  const typeTop = [...typeVotes.entries()].sort((a, b) => b[1].length - a[1].length || (SPECIFIC[a[0]] ?? 9) - (SPECIFIC[b[0]] ?? 9))[0];
  const type = typeTop[1][0].incident.type;
  if (typeVotes.size > 1) disagreements.push({ field: 'subEventType', claims: sorted.map((r) => claim(r.incident.type.subEventType, r, r.incident.excerpts[0])) });

  // weapons, employers, targets
  const weaponSets = sorted.filter((r) => r.incident.weapons.length).map((r) => ({ r, v: r.incident.weapons.map((w) => w.value).sort().join('+') }));
  if (new Set(weaponSets.map((w) => w.v)).size > 1) disagreements.push({ field: 'weapon', claims: weaponSets.map((w) => claim(w.v, w.r, w.r.incident.weapons[0].excerpt)) });
  const employerClaims = sorted.flatMap((r) => r.incident.victims.employers.map((e) => ({ r, e })));
  if (new Set(employerClaims.map((c) => skeleton(c.e.value))).size > 1) disagreements.push({ field: 'company', claims: employerClaims.map((c) => claim(c.e.value, c.r, c.e.excerpt)) });
  const targetKinds = sorted.flatMap((r) => r.incident.victims.targets.filter((t) => ['mining', 'construction'].includes(t.value)).map((t) => ({ r, t })));
  if (new Set(targetKinds.map((c) => c.t.value)).size > 1) disagreements.push({ field: 'target', claims: targetKinds.map((c) => claim(c.t.value, c.r, c.t.excerpt)) });

  const sources: SourceRef[] = [];
  for (const r of sorted) {
    let s = sources.find((x) => x.article === r.incident.article);
    if (!s) sources.push((s = { article: r.incident.article, excerpts: [] }));
    for (const e of r.incident.excerpts) if (!s.excerpts.some((x) => x.start === e.start)) s.excerpts.push(e);
    s.excerpts.sort((a, b) => a.start - b.start);
  }

  const uniq = <T,>(xs: T[], key: (x: T) => string) => xs.filter((x, i) => xs.findIndex((y) => key(y) === key(x)) === i);
  const geometry: Point = { type: 'Point', coordinates: place ? place.coordinates : [0, 0] };
  return {
    type: 'Feature',
    geometry,
    properties: {
      kind: 'event',
      id: `ev-${date}-${fnv(`${date}|${place?.placeId ?? 'unplaced'}|${type.subEventType}`).slice(0, 8)}`,
      date,
      dateEnd,
      timePrecision,
      eventType: type.eventType,
      subEventType: type.subEventType,
      fatalities: killed.value,
      injured: injured.value,
      ...(killed.vague ? { fatalitiesVague: true } : {}),
      ...(injured.vague ? { injuredVague: true } : {}),
      location: place?.location ?? '(not located)',
      country: place?.country ?? '',
      admin1: place?.admin1 ?? null,
      admin2: place?.admin2 ?? null,
      geoPrecision: place?.geoPrecision ?? 3,
      uncertainty: place?.uncertainty ?? null,
      placeId: place?.placeId ?? null,
      ...(placed[0] ? { placeSource: claim(placed[0].located!.location, placed[0], placed[0].located!.excerpt) } : {}),
      locationNote: place?.note ?? 'no place in the text locates it',
      dateBasis,
      victims: {
        nationalities: uniq(sorted.flatMap((r) => r.incident.victims.nationalities.map((n) => n.value)), (x) => x),
        employers: uniq(employerClaims.map((c) => c.e.value), skeleton),
        targets: uniq(sorted.flatMap((r) => r.incident.victims.targets.map((t) => t.value)), (x) => x),
      },
      weapons: uniq(sorted.flatMap((r) => r.incident.weapons.map((w) => w.value)), (x) => x),
      origin: uniq(sorted.flatMap((r) => (r.incident.origin ? [claim(r.incident.origin.country, r, r.incident.origin.excerpt)] : [])), (c) => c.article),
      actors: uniq(sorted.flatMap((r) => r.incident.actors.map((a) => claim(a.text, r, a))), (c) => `${c.article}|${c.value.toLowerCase()}`),
      sources,
      disagreements,
    },
  };
}

/**
 * Is the event on this border: placed on it, or placed in one of its two countries with the other one as the
 * attack's origin (a district beside the Afghan border, attacked from Afghanistan)?
 */
function isOnBorder(e: EventFeature, pair: string[]): boolean {
  const pid = (e.properties.placeId as string | null) ?? '';
  if (pid.startsWith('border:')) return pid === `border:${pair.join('-')}`;
  const other = pair.find((c) => c !== e.properties.country);
  const origins = ((e.properties.origin as Claim<string | null>[]) ?? []).map((o) => o.value);
  return pair.includes(e.properties.country) && (!other || origins.includes(other));
}

/**
 * Attaches sentences about several incidents to the events they cover: one that counts its incidents ("two
 * incidents of gunfire … during the past week") goes to the events inside its date span when there are exactly
 * that many; one without a count but with casualties ("recent incidents … in which several Chinese citizens
 * were killed") goes to the events its own article reports. Each is kept in the event's `aggregates`, with
 * its figures and the events' own sum, never counted as an event.
 */
export function attachAggregates(events: EventFeature[], aggregates: AggregateClaim[]): void {
  for (const a of aggregates) {
    if (!a.killed && !a.injured && a.count === null) continue;
    let targets: EventFeature[] = [];
    if (a.count !== null && a.date) {
      const inside = events.filter((e) => e.properties.date >= a.date!.start && e.properties.dateEnd <= a.date!.end && e.properties.timePrecision === 1);
      if (inside.length === a.count) targets = inside;
    } else if (a.count === null && (a.killed || a.injured)) {
      // only to events whose victims it names ("several Chinese citizens"): clashes elsewhere killing "dozens" are not these
      targets = events.filter(
        (e) =>
          e.properties.sources.some((s) => s.article === a.article) &&
          (e.properties.fatalities ?? 0) > 0 &&
          a.nationalities.some((n) => (e.properties.victims as { nationalities: string[] }).nationalities.includes(n)),
      );
    }
    for (const e of targets) {
      const list = e.properties.aggregates ?? [];
      list.push({
        article: a.article,
        excerpt: a.excerpt,
        incidents: a.count,
        fatalities: a.killed ? { value: a.killed.value, vague: a.killed.vague } : null,
        injured: a.injured ? { value: a.injured.value, vague: a.injured.vague } : null,
        covers: targets.map((t) => t.properties.id),
        sumOfCovered: { fatalities: targets.reduce((s, t) => s + (t.properties.fatalities ?? 0), 0), injured: targets.reduce((s, t) => s + (t.properties.injured ?? 0), 0) },
      });
      e.properties.aggregates = list;
      // "recent incidents on the Tajik–Chinese border": a place claim that contradicts the event's is kept as one
      for (const p of a.places ?? []) {
        if (!p.id.startsWith('border:') || isOnBorder(e, p.id.slice(7).split('-'))) continue;
        let d = e.properties.disagreements.find((x) => x.field === 'place');
        if (!d) {
          const src = e.properties.placeSource as Claim<string> | undefined;
          d = { field: 'place', claims: src ? [src] : [] };
          e.properties.disagreements.push(d);
        }
        d.claims.push({ value: `${p.name} (in a sentence about several incidents)`, article: a.article, excerpt: p.excerpt });
      }
    }
  }
}
