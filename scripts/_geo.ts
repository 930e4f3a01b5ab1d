import fs from 'node:fs';
import { geocodeArticle } from '../lib/geocode/geocodeArticle';
const f = process.argv[2];
const body = fs.readFileSync(f, 'utf8').split(/^---$/m).slice(2).join('---');
for (const m of geocodeArticle({ id: 'x', file: f, body })) console.log(m.start, JSON.stringify(m.text), '→', m.place ? `${m.place.name} ${m.place.featureType} ${m.place.geoPrecision}` : `∅ ${m.reason}`);
