import { readFileSync } from 'node:fs';
import { geocodeArticle } from '../lib/geocode/geocodeArticle';
const body = readFileSync(process.argv[2], 'utf8').replace(/^---[\s\S]*?---\n/, '');
for (const m of geocodeArticle({ id: 'x', file: 'x', body })) if (m.text.includes(process.argv[3])) console.log(m.start, m.text, JSON.stringify(m.candidates?.slice(0, 2), null, 0).slice(0, 3000));
