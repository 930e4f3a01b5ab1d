/**
 * The countries articles name, their names and adjectives: one table (data/gazetteer/supplement.json's
 * `countries`) read by every stage, instead of a list in each.
 */
import supplement from '../../data/gazetteer/supplement.json';

/** The countries the map covers: places outside them are drawn only when a text names them exactly. */
export const MAP_REGION = new Set(['TJ', 'AF', 'UZ', 'KG']);

const byIso = new Map(supplement.countries.map((c) => [c.iso2, c]));
const byDemonym = new Map(supplement.countries.flatMap((c) => [c.name, ...c.alt, ...c.demonyms].map((d) => [d.toLowerCase(), c.iso2] as const)));

/**
 * English name of a country by ISO 3166-1 alpha-2, or the code itself when the table lacks it.
 *
 * @example
 * countryName('TJ') // 'Tajikistan'
 */
export function countryName(iso: string): string {
  return byIso.get(iso)?.name ?? iso;
}

/**
 * ISO code of a country from its name or adjective ("Tajik", "Afghanistan"), or null.
 *
 * @example
 * countryOf('Kyrgyz') // 'KG'
 */
export function countryOf(word: string): string | null {
  return byDemonym.get(word.toLowerCase()) ?? null;
}

/**
 * The adjective for a country's people, for victims' nationalities ("Chinese"), or its name when the table has none.
 *
 * @example
 * countryAdjective('TJ') // 'Tajik'
 */
export function countryAdjective(iso: string): string {
  return byIso.get(iso)?.demonyms[0] ?? countryName(iso);
}
