import { findDates } from '../lib/events/dates';
console.log(JSON.stringify(findDates(process.argv[2], process.argv[3]).map((d) => [d.start, d.end, d.reporting, d.span.text, d.basis])));
