/**
 * Lists, for the provinces along the borders the map covers, every district of the generated gazetteer
 * with its seat (and how the seat was found) or "NO SEAT": the districts the geocoder cannot place.
 * Reproduces the survey behind the district seats in data/gazetteer/supplement.json and places.json.
 *
 * Run: npx tsx scripts/list-unseated-districts.ts [--unseated]   (after npm run gazetteer)
 */
import fs from 'node:fs';
import { GAZETTEER_FILE } from '../lib/geocode/gazetteer';
import type { Gazetteer } from '../lib/geocode/gazetteer-types';

export const BORDER_PROVINCES = ['AF-BDS', 'AF-TAK', 'AF-KDZ', 'AF-BAL', 'AF-JOW', 'TJ-KT', 'TJ-GB', 'TJ-SU', 'KG-B', 'KG-O', 'KG-J'] as const;

const g = JSON.parse(fs.readFileSync(GAZETTEER_FILE, 'utf8')) as Gazetteer;
const byId = new Map(g.entries.map((e) => [e.id, e]));
const onlyUnseated = process.argv.includes('--unseated');
let total = 0;
let unseated = 0;
for (const p of BORDER_PROVINCES) {
  const ds = g.entries.filter((e) => e.fc === 'ADM2' && e.admin1 === p).sort((a, b) => a.name.localeCompare(b.name));
  const missing = ds.filter((d) => !d.seat);
  total += ds.length;
  unseated += missing.length;
  console.log(`${p} ${byId.get(`adm1:${p}`)?.name ?? ''}: ${ds.length} districts, ${missing.length} without a seat`);
  for (const d of onlyUnseated ? missing : ds) {
    const seat = d.seat ? byId.get(d.seat) : undefined;
    const how = d.seat ? d.src.split('; ').find((s) => s.startsWith('seat')) ?? '' : '';
    console.log(`  ${d.id.padEnd(20)} ${d.name.padEnd(22)} ${seat ? `${seat.name} (${seat.id}, ${seat.lat}, ${seat.lon}) — ${how.slice(0, 90)}` : 'NO SEAT'}`);
  }
}
console.log(`${total} districts in ${BORDER_PROVINCES.length} provinces, ${unseated} without a seat`);
