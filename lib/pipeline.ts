import v8 from 'node:v8';
import { finishEvents, mergeReadings } from './events';
import { groupWithState, regroup, toEventFeature, type GroupingState } from './events/merge';
import { collectPlaces, loadGazetteer } from './geocode';
import fs from 'node:fs';
import { ArticleError, isIsoDate } from './article';
import { articleFromText, checkUniqueId } from './corpus';
import { fromStored, readArticle, toStored, type ArticleReading, type ReadingCache } from './extract-cache';
import type { Article, BriefCollection, EventFeature } from './types';

export interface BuildOptions {
  /** Where each article's reading is kept between runs (lib/extract-cache); none by default. */
  cache?: ReadingCache | null;
  /** Readings already made (by a pool of workers, say), in the order of the articles. */
  readings?: ArticleReading[];
}

/**
 * Turns articles into the brief's GeoJSON (RFC 7946): one Point feature per place and one per attack event,
 * with the mentions that could not be placed in the foreign member `unresolved` and the events nothing
 * located in `unlocatedEvents` (kept with their reason, never drawn at a made-up point). Events no date
 * could be given to (a relative date in an article with no published date) go to `undatedEvents`:
 * an event feature's `date` is always a real YYYY-MM-DD.
 *
 * Two steps: each article is read on its own (geocoded, its incidents detected and placed: see
 * `readArticle`, cached per article when a cache is given), then the readings are combined — places merged
 * by gazetteer id, reports of one incident merged across articles.
 *
 * @example
 * buildCollection([{ id: 'a', file: 'a.md', body: 'Shots in Kulob.' }]).features[0].properties.name // 'Kŭlob'
 */
export function buildCollection(articles: Article[], options: BuildOptions = {}): BriefCollection {
  const gazetteer = loadGazetteer();
  const readings = options.readings ?? articles.map((a) => (options.cache ? options.cache.read(a, gazetteer) : readArticle(a, gazetteer)));
  options.cache?.flush();
  return combineReadings(articles, readings);
}

/**
 * The corpus files' articles and readings on this thread (the server's first request; the CLI and the build
 * use lib/reading-pool). A file whose text is in the cache is neither parsed nor read again; the others are,
 * under the corpus rules, and kept in the cache. Ids must be unique; a bad file throws an ArticleError.
 */
export function readCorpus(files: string[], cache: ReadingCache | null): { articles: Article[]; readings: ArticleReading[] } {
  let gazetteer: ReturnType<typeof loadGazetteer> | null = null;
  const articles: Article[] = [];
  const readings: ArticleReading[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
    } catch (e) {
      throw new ArticleError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    let found = cache?.lookupFile(text, file, true);
    if (!found) {
      const article = articleFromText(text, file, { corpus: true });
      const reading = readArticle(article, (gazetteer ??= loadGazetteer()));
      if (cache) {
        const stored = toStored(reading);
        cache.storeFile(text, file, article, stored);
        found = { article, reading: fromStored(stored) ?? reading };
      } else found = { article, reading };
    }
    checkUniqueId(found.article, seen);
    articles.push(found.article);
    readings.push(found.reading);
  }
  cache?.flush();
  return { articles, readings };
}

/** The collection from every article's reading (same order as the articles). */
export function combineReadings(articles: Article[], readings: ArticleReading[]): BriefCollection {
  return collectionOf(articles, readings, mergeReadings(readings.map((r) => r.events)));
}

/**
 * What a merge leaves for the next build's (kept with the brief's snapshot): the grouping's state and each
 * group's event as made, before ids were numbered and aggregates attached (V8's serialisation: bytes reused
 * as they are for every group a later merge keeps).
 */
export interface MergeState {
  grouping: GroupingState;
  events: Uint8Array[];
  /** Each group's event id as finished, or null when aggregates were attached to it (see {@link combineReadingsKept}'s `unchanged`). */
  finished: (string | null)[];
}

/**
 * {@link combineReadings}, with the state for the next time; given the state of an earlier merge and the ids of
 * the articles whose readings changed since (added, removed or changed), only the groups those touch are made
 * again (see lib/events/merge `regroup`) — the same collection, byte for byte, as a merge from scratch.
 * `unchanged`: the ids of the events that are, byte for byte, what the earlier merge made under the same id (a
 * group kept, the same id once numbered, no aggregates attached then or now), so that their views can be kept too.
 */
export function combineReadingsKept(
  articles: Article[],
  readings: ArticleReading[],
  previous: { state: MergeState; changed: Set<string> } | null,
): { collection: BriefCollection; state: MergeState; unchanged: Set<string> } {
  if (readings.length !== articles.length) throw new Error(`combineReadings: ${articles.length} articles but ${readings.length} readings`);
  const reports = readings.flatMap((r) => r.events.reports);
  const made: EventFeature[] = [];
  const bytes: Uint8Array[] = [];
  const was: (string | null | undefined)[] = []; // the id a kept group's event had when finished
  const make = (group: Parameters<typeof toEventFeature>[0]) => {
    const event = toEventFeature(group);
    made.push(event);
    bytes.push(v8.serialize(event)); // before finishEvents numbers and extends it
    was.push(undefined);
  };
  let grouping: GroupingState;
  if (previous) {
    const again = regroup(previous.state.grouping, reports, previous.changed);
    for (const g of again.groups) {
      if ('made' in g) make(g.made);
      else {
        made.push(v8.deserialize(previous.state.events[g.kept]) as EventFeature);
        bytes.push(previous.state.events[g.kept]);
        was.push(previous.state.finished[g.kept]);
      }
    }
    grouping = again.state;
  } else {
    const first = groupWithState(reports);
    first.groups.forEach(make);
    grouping = first.state;
  }
  const finished = made.slice(); // finishEvents sorts in place
  const events = finishEvents(made, readings.flatMap((r) => r.events.aggregates));
  const ids = finished.map((e) => (e.properties.aggregates ? null : e.properties.id));
  const unchanged = new Set(ids.filter((id, k): id is string => id !== null && was[k] === id));
  return { collection: collectionOf(articles, readings, events), state: { grouping, events: bytes, finished: ids }, unchanged };
}

/** The collection: the readings' places merged by gazetteer id, and the merged events split by what located and dated them. */
function collectionOf(articles: Article[], readings: ArticleReading[], events: EventFeature[]): BriefCollection {
  if (readings.length !== articles.length) throw new Error(`combineReadings: ${articles.length} articles but ${readings.length} readings`);
  const byArticle = new Map(articles.map((a, i) => [a.id, readings[i].mentions]));
  const { places, unresolved } = collectPlaces(articles, byArticle);
  const located = events.filter((e) => e.properties.placeId !== null);
  const unlocatedEvents = events.filter((e) => e.properties.placeId === null);
  const dated = located.filter((e) => isIsoDate(e.properties.date));
  const undatedEvents = located.filter((e) => !isIsoDate(e.properties.date));
  return { type: 'FeatureCollection', features: [...places, ...dated], unresolved, unlocatedEvents, undatedEvents } as BriefCollection;
}
