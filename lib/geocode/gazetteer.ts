import fs from 'node:fs';
import path from 'node:path';
import { foldName, looseKeys, skeleton } from '../geoparse/normalize';
import type { Gazetteer, GazetteerEntry } from './gazetteer-types';

export type MatchTier = 'name' | 'alt' | 'skeleton' | 'demonym';

/** The gazetteer with its name indexes, ready for spotting and resolution. */
export interface LoadedGazetteer extends Gazetteer {
  byId: Map<string, GazetteerEntry>;
  /** folded name → entries with that name (main or alternate). */
  byName: Map<string, { entry: GazetteerEntry; tier: MatchTier }[]>;
  /** consonant skeleton → entries: names that differ only in vowels (Kulob / Kulyab). */
  bySkeleton: Map<string, GazetteerEntry[]>;
  /** loose key (data/rules/spelling.json) → entries; the tier for transliterations no source lists. */
  byLoose: Map<string, GazetteerEntry[]>;
  /** folded demonym ("tajik") → country entry. */
  byDemonym: Map<string, GazetteerEntry>;
  /** Longest name in tokens, bounding the spotter's look-ahead. */
  maxTokens: number;
  loadMs: number;
}

export const GAZETTEER_FILE = path.join(process.cwd(), 'data', 'gazetteer', 'gazetteer.json');

let cached: LoadedGazetteer | null = null;

/** Skeletons this short match too many unrelated names to be trusted. */
const MIN_SKELETON = 3;

/**
 * Reads data/gazetteer/gazetteer.json once and indexes every name, alternate name, skeleton and demonym.
 *
 * @example
 * const g = loadGazetteer();
 * g.byName.get('kulyab')?.[0].entry.name // 'Kŭlob'
 */
export function loadGazetteer(file: string = GAZETTEER_FILE): LoadedGazetteer {
  if (cached && file === GAZETTEER_FILE) return cached;
  const t0 = performance.now();
  const data = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as Gazetteer;
  const g = indexGazetteer(data);
  g.loadMs = performance.now() - t0;
  if (file === GAZETTEER_FILE) cached = g;
  return g;
}

function indexGazetteer(data: Gazetteer): LoadedGazetteer {
  const byId = new Map<string, GazetteerEntry>();
  const byName = new Map<string, { entry: GazetteerEntry; tier: MatchTier }[]>();
  const bySkeleton = new Map<string, GazetteerEntry[]>();
  const byLoose = new Map<string, GazetteerEntry[]>();
  const byDemonym = new Map<string, GazetteerEntry>();
  let maxTokens = 1;
  const add = (name: string, entry: GazetteerEntry, tier: MatchTier) => {
    const key = foldName(name);
    if (!key) return;
    const list = byName.get(key) ?? [];
    if (!list.some((x) => x.entry === entry)) list.push({ entry, tier });
    byName.set(key, list);
    maxTokens = Math.max(maxTokens, key.split(' ').length);
    const sk = skeleton(name);
    if (sk.length >= MIN_SKELETON) {
      const sl = bySkeleton.get(sk) ?? [];
      if (!sl.includes(entry)) sl.push(entry);
      bySkeleton.set(sk, sl);
    }
    for (const k of looseKeys(name)) {
      const ll = byLoose.get(k) ?? [];
      if (!ll.includes(entry)) ll.push(entry);
      byLoose.set(k, ll);
    }
  };
  for (const e of data.entries) {
    byId.set(e.id, e);
    add(e.name, e, 'name');
    for (const a of e.alt ?? []) add(a, e, 'alt');
    for (const d of e.demonyms ?? []) {
      byDemonym.set(foldName(d), e);
      // the people: "Tajiks", "Afghans", "Uzbeks" (Kyrgyz and Chinese have no plural ending)
      if (!/(?:s|z|sh|ch|se)$/i.test(d)) byDemonym.set(foldName(`${d}s`), e);
    }
  }
  return { ...data, byId, byName, bySkeleton, byLoose, byDemonym, maxTokens: Math.min(maxTokens, 6), loadMs: 0 };
}
