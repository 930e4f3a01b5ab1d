import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STATE } from '../state/brief-state';
import { DEFAULT_EMBED, briefQueryFromEmbed, embedOptionsFromBrief, parseEmbedOptions, serializeEmbedOptions } from './options';

const vocabulary = {
  eventIds: new Set(['ev-a', 'ev-b']),
  types: new Set(['Battles', 'Explosions/Remote violence']),
  nationalities: new Set(['Chinese']),
};
const parse = (s: string) => parseEmbedOptions(new URLSearchParams(s), vocabulary);

test('no parameters: the defaults, nothing ignored', () => {
  assert.deepEqual(parse(''), { options: DEFAULT_EMBED, ignored: [] });
});

test('every option, valid', () => {
  const { options, ignored } = parse('bbox=69,37,71.5,38.5&event=ev-b,ev-a&from=2025-11-01&to=2025-11-30&types=Battles&nat=Chinese&places=1&theme=dark&legend=0&controls=0&interactive=0&title=Shohin%20%3Cb%3E&note=Sources%3A%20AP');
  assert.deepEqual(ignored, []);
  assert.deepEqual(options.view, { kind: 'bbox', bbox: [69, 37, 71.5, 38.5] });
  assert.deepEqual(options.events, ['ev-b', 'ev-a']);
  assert.deepEqual(options.filters, { from: '2025-11-01', to: '2025-11-30', types: ['Battles'], nationality: 'Chinese', places: true });
  assert.equal(options.theme, 'dark');
  assert.equal(options.legend, false);
  assert.equal(options.controls, false);
  assert.equal(options.interactive, false);
  assert.equal(options.title, 'Shohin <b>', 'kept as text; escaping is the renderer’s job');
  assert.equal(options.note, 'Sources: AP');
});

test('center and zoom; the main page’s view= and e= work too', () => {
  assert.deepEqual(parse('center=37.8,70.05&zoom=9').options.view, { kind: 'center', lat: 37.8, lon: 70.05, zoom: 9 });
  const { options, ignored } = parse('view=37.8,70.05,9&e=ev-a');
  assert.deepEqual(ignored, []);
  assert.deepEqual(options.view, { kind: 'center', lat: 37.8, lon: 70.05, zoom: 9 });
  assert.deepEqual(options.events, ['ev-a']);
});

test('invalid values fall back to the default and are named', () => {
  const { options, ignored } = parse('bbox=1,2,3&zoom=x&theme=neon&legend=yes&from=2025-13-01&event=ev-a,nope&types=Battles,Riots&nat=Martian&foo=bar');
  assert.equal(options.view, null);
  assert.equal(options.theme, 'light');
  assert.equal(options.legend, true);
  assert.equal(options.filters.from, null);
  assert.deepEqual(options.events, ['ev-a']);
  assert.deepEqual(options.filters.types, ['Battles']);
  assert.deepEqual(
    ignored.map((i) => `${i.param}=${i.value}`),
    ['foo=bar', 'bbox=1,2,3', 'zoom=x', 'event=nope', 'from=2025-13-01', 'types=Riots', 'nat=Martian', 'legend=yes', 'theme=neon'],
  );
  assert.ok(ignored.every((i) => i.reason.length > 0));
});

test('boxes that are not boxes, zoom out of range, center without zoom, conflicting views', () => {
  for (const bad of ['bbox=71,37,69,38', 'bbox=69,38,71,37', 'bbox=,,,', 'bbox=69,37,71,NaN', 'bbox=-200,0,0,1']) {
    const r = parse(bad);
    assert.equal(r.options.view, null, bad);
    assert.equal(r.ignored[0].param, 'bbox', bad);
  }
  assert.equal(parse('center=37,70&zoom=30').ignored[0].param, 'zoom');
  assert.equal(parse('center=37,70').ignored[0].reason, 'needs zoom (5–12)');
  assert.equal(parse('zoom=8').ignored[0].reason, 'needs center');
  const both = parse('bbox=69,37,71,38&center=37,70&zoom=8');
  assert.equal(both.options.view?.kind, 'bbox');
  assert.deepEqual(both.ignored.map((i) => i.param), ['center', 'zoom']);
});

test('static implies no controls and no interaction', () => {
  const { options } = parse('static=1&controls=1');
  assert.equal(options.static, true);
  assert.equal(options.controls, false);
  assert.equal(options.interactive, false);
});

test('captions: control characters and runs of space collapse, over-long text is cut and reported', () => {
  assert.equal(parse('title=%20a%0A%0Ab%09c%20').options.title, 'a b c');
  assert.equal(parse('title=%20%20').options.title, null);
  const { options, ignored } = parse(`note=${'x'.repeat(400)}`);
  assert.equal(options.note!.length, 280);
  assert.equal(ignored[0].param, 'note');
});

test('a repeated parameter: the first counts, the rest are named', () => {
  const { options, ignored } = parse('theme=dark&theme=light');
  assert.equal(options.theme, 'dark');
  assert.deepEqual(ignored.map((i) => i.param), ['theme']);
});

test('serialize → parse is the identity, and the order is fixed', () => {
  const q = 'bbox=69,37,71.5,38.5&event=ev-a&from=2025-11-01&types=Battles,Explosions/Remote violence&nat=Chinese&theme=auto&legend=0&interactive=0&title=A b';
  const { options } = parse(q);
  const s = serializeEmbedOptions(options);
  assert.equal(s, 'bbox=69,37,71.5,38.5&event=ev-a&from=2025-11-01&types=Battles,Explosions%2FRemote+violence&nat=Chinese&theme=auto&legend=0&interactive=0&title=A+b');
  assert.deepEqual(parse(s).options, options);
  assert.equal(serializeEmbedOptions(DEFAULT_EMBED), '');
  assert.equal(serializeEmbedOptions(parse('static=1').options), 'static=1');
});

test('from the main page and back', () => {
  const s = { ...DEFAULT_STATE, event: 'ev-a', from: '2025-11-01', types: ['Battles'], view: { lat: 37.8, lon: 70.05, zoom: 14 } };
  const o = embedOptionsFromBrief(s, { theme: 'dark' });
  assert.deepEqual(o.view, { kind: 'center', lat: 37.8, lon: 70.05, zoom: 12 }, 'zoom clamped to what the embed allows');
  assert.equal(serializeEmbedOptions(o), 'center=37.8,70.05&zoom=12&event=ev-a&from=2025-11-01&types=Battles&theme=dark');
  assert.equal(briefQueryFromEmbed(o), 'e=ev-a&from=2025-11-01&types=Battles&view=37.8000,70.0500,12');
});
