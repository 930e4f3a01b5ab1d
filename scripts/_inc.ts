import fs from 'node:fs';
import { parseArticle } from '/work/main/lib/article';
import { detectIncidents } from '/work/main/lib/events/incidents';
import { geocodeArticle, loadGazetteer } from '/work/main/lib/geocode';
const f = process.argv[2];
const a = parseArticle(fs.readFileSync(f, 'utf8'), f);
const mentions = geocodeArticle(a, loadGazetteer());
const r = detectIncidents(a, { mentions } as any);
for (const i of r.incidents as any[]) {
  console.log('INC', i.order, i.date?.start, i.date?.end, '|', i.date?.basis);
  for (const x of i.ranges) console.log('    ', x.start, x.text.slice(0, 110));
}
for (const g of r.aggregates as any[]) console.log('AGG', g.excerpt.text.slice(0, 100));
