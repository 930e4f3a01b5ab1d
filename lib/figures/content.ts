import type { EventView } from '../present';

/** What a figure says in words: computed from the events shown, so the same view always says the same thing. */
export interface ArticleRef {
  id: string;
  published: string | null;
  /** The outlet, when the article's front matter names it. */
  source: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "26 Nov 2025" */
export function shortDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "24 December 2025" */
export function longDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_LONG[m - 1]} ${y}`;
}

function monthYear(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS_LONG[m - 1]} ${y}`;
}

/** "November 2024 – December 2025", or one month alone. */
export function periodText(events: EventView[]): string {
  if (events.length === 0) return 'no events in this selection';
  const first = events.map((e) => e.date).sort()[0];
  const last = events.map((e) => e.dateEnd || e.date).sort().at(-1)!;
  return monthYear(first) === monthYear(last) ? monthYear(first) : `${monthYear(first)} – ${monthYear(last)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What happened, short and lower-case: "drone strike", "armed clash", "attack on civilians". */
export function whatText(e: Pick<EventView, 'eventType' | 'subEventType'>): string {
  if (e.subEventType === 'Air/drone strike') return 'drone strike';
  if (e.eventType === 'Violence against civilians') return 'attack on civilians';
  return (e.subEventType || e.eventType || 'incident').toLowerCase();
}

export function casualtiesText(e: Pick<EventView, 'fatalities' | 'injured'>): string {
  const parts = [];
  if (e.fatalities !== null) parts.push(`${e.fatalities} killed`);
  if (e.injured !== null) parts.push(`${e.injured} injured`);
  return parts.length ? parts.join(', ') : 'casualties not reported';
}

/**
 * The title states the finding; the subtitle says what, where and when.
 *
 * @example
 * figureTitles(events, null).title // "At least 13 killed in 6 reported attacks on the Tajikistan–Afghanistan border"
 */
export function figureTitles(events: EventView[], selected: EventView | null): { title: string; subtitle: string } {
  if (selected) {
    const what = whatText(selected);
    const killed = selected.fatalities;
    const verb = killed !== null && killed > 0 ? `${cap(what)} kills ${killed}${selected.injured ? `, injures ${selected.injured}` : ''}` : `${cap(what)} reported`;
    const where = selected.geoPrecision === 3 ? 'on the Tajikistan–Afghanistan border' : selected.geoPrecision === 2 ? `near ${selected.location}` : `in ${selected.location}`;
    return {
      title: `${verb} ${where}`,
      subtitle: `${cap(selected.dateText)} · ${selected.placeText} · ${plural(selected.sources.length, 'news report')}`,
    };
  }
  const killed = events.reduce((n, e) => n + (e.fatalities ?? 0), 0);
  const n = plural(events.length, 'reported attack');
  return {
    title: killed > 0 ? `At least ${killed} killed in ${n} on the Tajikistan–Afghanistan border` : `${cap(n)} on the Tajikistan–Afghanistan border`,
    subtitle: `Attacks reported in the news, by type and place, where the sources locate them · ${periodText(events)}`,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The source line: the outlet (where the corpus records it) and date of every article behind the events shown.
 *
 * @example
 * sourceLine(events, articles) // "Sources: 5 news reports — 27 Nov 2025; 1 Dec 2025 (2); … (outlets not recorded)"
 */
export function sourceLine(events: EventView[], articles: ArticleRef[]): string {
  const ids = new Set(events.flatMap((e) => e.sources.map((s) => s.article)));
  const used = articles.filter((a) => ids.has(a.id));
  if (used.length === 0) return 'Sources: none (no events shown)';
  const counts = new Map<string, number>();
  for (const a of [...used].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '') || (x.source ?? '').localeCompare(y.source ?? ''))) {
    const key = [a.source, a.published ? shortDay(a.published) : 'undated'].filter(Boolean).join(', ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const list = [...counts].map(([k, n]) => (n > 1 ? `${k} (${n})` : k)).join('; ');
  const unnamed = used.filter((a) => !a.source).length;
  const note = unnamed === used.length ? ' (outlets not recorded in the corpus)' : unnamed > 0 ? ` (${unnamed} with outlet not recorded)` : '';
  return `Sources: ${plural(used.length, 'news report')} — ${list}${note}`;
}

/** The newest article date in the corpus: what the data are current to. */
export function dataAsOf(articles: ArticleRef[]): string | null {
  return articles.map((a) => a.published).filter((d): d is string => !!d).sort().at(-1) ?? null;
}

export const FIGURE_ATTRIBUTION =
  'Borders © OpenStreetMap contributors (ODbL) · Places © GeoNames (CC BY 4.0) · Provinces: Natural Earth · Lambert conformal conic projection · Made with geobrief';
