/**
 * Synthetic articles for scale tests: one incident each on the Tajik–Afghan border, about 410 words,
 * at places of the region taken from the gazetteer, dated over several years. Every sentence is written
 * here, from small banks of our own phrasing; nothing is taken from any article.
 *
 * Article `i` depends only on (seed, i), never on how many are generated: a corpus of 10,000 is the first
 * 10,000 of a corpus of 100,000, and "one more article" is simply article `count`. About a third of the
 * articles are follow-up reports of an earlier article's incident (same day, place and kind, other words
 * and sometimes other figures), so the cross-article merge has real work to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Gazetteer, GazetteerEntry } from '../../lib/geocode/gazetteer-types';

/** Provinces along the border (ISO 3166-2), with the words reporters use for them. */
const PROVINCES: Record<string, string> = {
  'TJ-KT': 'Khatlon region',
  'TJ-GB': 'Gorno-Badakhshan Autonomous Region',
  'AF-BDS': 'Badakhshan province',
  'AF-TAK': 'Takhar province',
  'AF-KDZ': 'Kunduz province',
};

/** The first year of the generated reporting; dates run over {@link YEARS} years. */
const FIRST_YEAR = 2012;
const YEARS = 14;
/** Share of articles that re-report an earlier article's incident, and how far back they look. */
const FOLLOW_UP_SHARE = 0.3;
const FOLLOW_UP_REACH = 400;

export interface SyntheticPlace {
  id: string;
  /** The spelling written in the text: a plain-Latin name or alternate name of the entry. */
  name: string;
  country: 'TJ' | 'AF';
  province: string;
  /** The district's written name, when the place lies in a district the gazetteer names. */
  district: string | null;
  isDistrict: boolean;
}

/** Deterministic 32-bit generator (mulberry32), seeded from (seed, index, stream). */
function rng(...keys: number[]): () => number {
  let h = 0x9e3779b9;
  for (const k of keys) {
    h = Math.imul(h ^ (k >>> 0), 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** A spelling of the entry made of plain Latin letters, so the text reads as English press writes it. */
function plainName(e: GazetteerEntry): string {
  const plain = /^[A-Z][A-Za-z' -]+$/;
  const found = [e.name, ...(e.alt ?? [])].find((n) => plain.test(n));
  if (found) return found;
  return e.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/^[‘’ʼ']+/, '').replace(/[‘’ʼ]/g, "'");
}

/** Towns, villages, districts and sites of the border provinces that have coordinates, in id order. */
export function regionPlaces(gazetteer: Pick<Gazetteer, 'entries'>): SyntheticPlace[] {
  const byId = new Map(gazetteer.entries.map((e) => [e.id, e]));
  return gazetteer.entries
    .filter((e) => e.admin1 && PROVINCES[e.admin1] && e.lon !== undefined && e.lat !== undefined)
    .filter((e) => /^(PPL\w*|ADM2|BDG|PSTB|PSTC|DAM|MKT)$/.test(e.fc))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => {
      const district = e.fc !== 'ADM2' && e.admin2 ? byId.get(e.admin2) : undefined;
      return {
        id: e.id,
        name: plainName(e),
        country: e.country as 'TJ' | 'AF',
        province: PROVINCES[e.admin1!],
        district: district ? plainName(district) : null,
        isDistrict: e.fc === 'ADM2',
      };
    })
    // names a reporter writes in English: Latin letters only (no "20-solagii …" numbered collective farms)
    .filter((p) => (p.country === 'TJ' || p.country === 'AF') && /^[A-Z][A-Za-z' -]+$/.test(p.name));
}

type Kind = 'drone' | 'shelling' | 'clash' | 'shooting' | 'mine' | 'grenade';
const KINDS: Kind[] = ['drone', 'shelling', 'clash', 'shooting', 'shooting', 'clash', 'mine', 'grenade'];

interface Incident {
  date: Date;
  place: SyntheticPlace;
  kind: Kind;
  killed: number;
  wounded: number;
  victims: 'border guards' | 'soldiers' | 'civilians' | 'workers' | 'villagers';
  chinese: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The incident article `i` first reports (every article has one; follow-ups re-tell an earlier one). */
function incidentOf(seed: number, i: number, places: SyntheticPlace[]): Incident {
  const r = rng(seed, i, 1);
  const dayCount = YEARS * 365;
  const date = addDays(new Date(Date.UTC(FIRST_YEAR, 0, 1)), Math.floor(r() * dayCount));
  const place = pick(r, places);
  const kind = pick(r, KINDS);
  const victims = pick(r, ['border guards', 'soldiers', 'civilians', 'workers', 'villagers'] as const);
  return {
    date,
    place,
    kind,
    killed: between(r, 0, 4),
    wounded: between(r, 0, 6),
    victims,
    chinese: victims === 'workers' && r() < 0.4,
  };
}

/** The earlier article whose incident article `i` re-reports, or null when it reports its own. */
function followUpOf(seed: number, i: number): number | null {
  const r = rng(seed, i, 2);
  if (i === 0 || r() >= FOLLOW_UP_SHARE) return null;
  return Math.max(0, i - 1 - Math.floor(r() * Math.min(i, FOLLOW_UP_REACH)));
}

function where(p: SyntheticPlace, r: () => number): string {
  if (p.isDistrict) return `in ${p.name} district of ${p.province}`;
  const near = pick(r, ['near', 'on the outskirts of', 'close to', 'in']);
  const town = pick(r, ['the village of ', 'the town of ', '']);
  return p.district ? `${near} ${town}${p.name} in ${p.district} district, ${p.province}` : `${near} ${town}${p.name}, ${p.province}`;
}

function count(n: number, noun: string): string {
  return `${NUMBERS[n] ?? String(n)} ${noun}`;
}

function victimsNoun(inc: Incident, n: number): string {
  const singular: Record<Incident['victims'], string> = { 'border guards': 'border guard', soldiers: 'soldier', civilians: 'civilian', workers: 'worker', villagers: 'villager' };
  const noun = n === 1 ? singular[inc.victims] : inc.victims;
  return inc.chinese ? `Chinese ${noun}` : noun;
}

function harm(inc: Incident): string {
  if (inc.killed === 0 && inc.wounded === 0) return 'causing no casualties';
  if (inc.killed === 0) return `injuring ${count(inc.wounded, victimsNoun(inc, inc.wounded))}`;
  const killed = `killing ${count(inc.killed, victimsNoun(inc, inc.killed))}`;
  return inc.wounded ? `${killed} and wounding ${NUMBERS[inc.wounded]} more` : killed;
}

function lead(inc: Incident, when: string, r: () => number): string {
  const at = where(inc.place, r);
  const across = inc.place.country === 'TJ' ? 'from the Afghan side of the river' : 'from across the Panj';
  const leads: Record<Kind, string[]> = {
    drone: [
      `A drone carrying explosives struck a ${inc.victims === 'workers' ? 'work site' : 'position'} ${at} ${when}, ${harm(inc)}.`,
      `An armed drone attacked a ${inc.victims === 'workers' ? 'camp of road builders' : 'guard tower'} ${at} ${when}, ${harm(inc)}.`,
    ],
    shelling: [
      `Mortar shells fired ${across} hit houses ${at} ${when}, ${harm(inc)}.`,
      `Artillery shelled positions ${at} ${when}, ${harm(inc)}.`,
    ],
    clash: [
      `Border guards and a group of armed men exchanged fire ${at} ${when}, ${harm(inc)}.`,
      `A gunfight broke out between troops and militants ${at} ${when}, ${harm(inc)}.`,
      `Border troops clashed with smugglers ${at} ${when}, ${harm(inc)}.`,
    ],
    shooting: [
      `Gunmen opened fire on a border post ${at} ${when}, ${harm(inc)}.`,
      `Unknown attackers fired on a patrol ${at} ${when}, ${harm(inc)}.`,
    ],
    mine: [
      `A roadside bomb exploded under a vehicle ${at} ${when}, ${harm(inc)}.`,
      `A landmine blast hit a car on a mountain road ${at} ${when}, ${harm(inc)}.`,
    ],
    grenade: [
      `Attackers threw a grenade at a checkpoint ${at} ${when}, ${harm(inc)}.`,
      `A hand grenade was hurled into a guard post ${at} ${when}, ${harm(inc)}.`,
    ],
  };
  return pick(r, leads[inc.kind]);
}

const OFFICIALS = ['the border service said', 'regional officials said', 'a local police spokesman said', 'the interior ministry said in a statement', 'a district official told reporters'];

function details(inc: Incident, r: () => number): string[] {
  const out: string[] = [];
  const killedWord = inc.killed === 1 ? 'The person who died was' : 'Those who died were';
  if (inc.killed) out.push(`${killedWord} identified by relatives, and funerals were held the next morning, ${pick(r, OFFICIALS)}.`);
  if (inc.wounded) out.push(`The injured were taken to the district hospital, where doctors described their condition as ${pick(r, ['stable', 'serious', 'satisfactory'])}.`);
  out.push(pick(r, [
    'Investigators reached the scene within hours and began questioning witnesses.',
    'A criminal case has been opened, and a team of investigators was sent to the area.',
    'Security was stepped up along the nearby stretch of the river after the incident.',
    'Traffic on the road was halted for several hours while the area was searched.',
  ]));
  out.push(pick(r, [
    'Residents said they heard several loud bangs before dawn.',
    'A shopkeeper in the area said people stayed indoors for the rest of the day.',
    'Local people said the sound carried across the valley.',
    'One resident said families living closest to the river moved to relatives further inland.',
  ]));
  return out;
}

/** Background sentences: they name no place, date or casualty, so they add words but never an incident. */
const BACKGROUND = [
  'The frontier runs for more than a thousand kilometres, much of it along a fast river in steep mountain country.',
  'Patrols on both banks are thin in winter, when snow closes many of the tracks that lead down to the water.',
  'Officials have long said that the river crossings are used to move narcotics northward.',
  'Trade across the bridges has grown in recent seasons, with lorries carrying flour, fuel and building materials.',
  'Aid groups say the mountain districts on both sides are among the poorest in the wider region.',
  'Many families depend on money sent home by relatives working abroad.',
  'Road building and mining projects have brought foreign companies into valleys that were once hard to reach.',
  'Local markets on the riverbank open on fixed days and draw traders from both sides.',
  'Analysts say that the authorities on the two banks talk to each other more often than they admit in public.',
  'Electricity lines strung across the river supply villages on the southern bank during the cold months.',
  'The governments have held talks on water sharing, demining and joint patrols, with mixed results.',
  'Mobile coverage is patchy in the gorges, and news from remote villages often arrives days late.',
  'Regional organisations have offered equipment and training to the border troops.',
  'The valley floors are farmed intensively, while herders move their flocks to high pastures in summer.',
  'Observers say the situation along the frontier tends to grow tense in spring, when the passes reopen.',
  'Officials on the northern bank regularly announce arrests of people accused of crossing without papers.',
  'The authorities rarely allow journalists to travel freely in the border districts.',
  'Diplomats from neighbouring countries have urged both sides to keep channels of communication open.',
  'Schools in the area have reopened, and most shops were trading normally by the afternoon.',
  'A spokesman for the provincial administration said that the situation was under control.',
  'The region has seen a steady rise in construction, with new roads linking district centres to the main highway.',
  'Farmers in the lowland districts grow cotton, wheat and melons, much of it irrigated from canals fed by the river.',
  'Humanitarian agencies have warned that food prices in the mountain districts rose sharply over the past season.',
  'The two capitals have exchanged delegations to discuss customs procedures and the reopening of crossing points.',
  'Local elders have called on young men not to be drawn into smuggling, which they say brings trouble to every household.',
];

function articleWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export interface SyntheticArticle {
  id: string;
  fileName: string;
  text: string;
}

/** The text of article `i` of the corpus seeded with `seed`: front matter as in data/articles, then the body. */
export function generateArticle(seed: number, i: number, places: SyntheticPlace[]): SyntheticArticle {
  const source = followUpOf(seed, i);
  const inc = incidentOf(seed, source ?? i, places);
  const r = rng(seed, i, 3);
  const published = addDays(inc.date, between(r, 0, source === null ? 2 : 5));
  // Follow-ups sometimes carry revised figures, as later reports do.
  if (source !== null && r() < 0.3) inc.killed = Math.min(9, inc.killed + 1);
  const sameWeek = (published.getTime() - inc.date.getTime()) / 86_400_000 < 6;
  const when = sameWeek && r() < 0.5
    ? `on ${WEEKDAYS[inc.date.getUTCDay()]}`
    : `on ${MONTHS[inc.date.getUTCMonth()]} ${inc.date.getUTCDate()}${published.getUTCFullYear() !== inc.date.getUTCFullYear() ? `, ${inc.date.getUTCFullYear()}` : ''}`;

  const paragraphs: string[] = [];
  paragraphs.push(`${lead(inc, when, r)} ${pick(r, OFFICIALS).replace(/^./, (c) => c.toUpperCase())} that the attackers withdrew after the incident.`);
  paragraphs.push(details(inc, r).join(' '));
  const target = between(r, 380, 440);
  const shuffled = [...BACKGROUND];
  for (let k = shuffled.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
  }
  let words = paragraphs.reduce((s, p) => s + articleWords(p), 0);
  let paragraph: string[] = [];
  for (const sentence of shuffled) {
    if (words >= target) break;
    paragraph.push(sentence);
    words += articleWords(sentence);
    if (paragraph.length === 3) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));

  const id = `gen-${seed}-${String(i).padStart(6, '0')}`;
  const kindTitle: Record<Kind, string> = { drone: 'Drone strike', shelling: 'Shelling', clash: 'Exchange of fire', shooting: 'Shooting at border post', mine: 'Roadside bomb', grenade: 'Grenade attack' };
  const frontMatter = [
    '---',
    `id: ${id}`,
    `published: ${iso(published)}`,
    `title: "${kindTitle[inc.kind]} near ${inc.place.name.replace(/"/g, '')}"`,
    `source: "synthetic corpus, seed ${seed}${source === null ? '' : `, follow-up of article ${source}`}"`,
    '---',
  ].join('\n');
  return { id, fileName: `${id}.md`, text: `${frontMatter}\n${paragraphs.join('\n\n')}\n` };
}

/** Writes articles [from, from + count) of the seeded corpus into `dir`; returns the paths written. */
export function writeCorpus(dir: string, options: { seed: number; count: number; from?: number; gazetteer: Pick<Gazetteer, 'entries'> }): string[] {
  const places = regionPlaces(options.gazetteer);
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const from = options.from ?? 0;
  for (let i = from; i < from + options.count; i++) {
    const a = generateArticle(options.seed, i, places);
    const file = path.join(dir, a.fileName);
    fs.writeFileSync(file, a.text);
    written.push(file);
  }
  return written;
}
