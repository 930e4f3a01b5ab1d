import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { buildFigure, figurePixels, figurePng, figureSvg } from './index';
import { renderFigureSource, type FigureSource } from './render';
import { loadFigureBasemap } from './basemap';
import { noCollisions, type Box } from './labels';
import { parseFigureParams, FIGURE_DEFAULTS } from './params';
import { figureUrl } from './url';
import { DEFAULT_STATE, parseBriefState } from '../state/brief-state';
import { HOSTILE_TITLE, hostileBrief } from './test/helpers';
import { runIsolated } from './test/run';

const OUT = path.join(process.cwd(), 'lib', 'figures', 'test', 'out');
const sha = (b: string | Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

function figure(query: string): FigureSource {
  const f = buildFigure(new URLSearchParams(query), { cache: false });
  assert.ok(f.ok, f.ok ? '' : f.message);
  return f.value.source;
}

/** Share of dark pixels inside `box` (CSS px) of a render at `scale`: text leaves ink, a missing font leaves none. */
function ink(source: FigureSource, box: Box, scale = 1): number {
  const { width, pixels } = figurePixels(source, scale);
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(box.y0 * scale); y < Math.ceil(box.y1 * scale); y++) {
    for (let x = Math.floor(box.x0 * scale); x < Math.ceil(box.x1 * scale); x++) {
      const i = (y * width + x) * 4;
      all++;
      if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 110) dark++;
    }
  }
  return dark / all;
}

function parseXml(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'image/svg+xml');
  return { doc, errors };
}

// A few views an analyst would fetch: the whole border, one incident, a filtered close-up from a map URL, a portrait page.
const GOLDEN: Record<string, string> = {
  'whole-border': '',
  'one-incident': 'e=ev-2025-11-26-09d30c07',
  'battles-close-up': 'types=Battles&view=38.0000,70.4000,8&width=1200&height=900',
  'portrait-titled': 'width=900&height=1200&title=Border attacks&subtitle=Tajikistan–Afghanistan, 2024–2025',
};

for (const [name, query] of Object.entries(GOLDEN)) {
  test(`golden figure: ${name} (SVG and PNG bytes, the words drawn)`, () => {
    const source = figure(query);
    const svg = figureSvg(source);
    const png = figurePng(source, 1);
    const got = {
      query,
      svgSha256: sha(svg),
      pngSha256: sha(png),
      title: source.title,
      description: source.description.split('\n'),
      labels: source.labels.map((l) => l.text),
    };
    const file = path.join(OUT, `${name}.json`);
    if (process.env.REGEN) fs.writeFileSync(file, JSON.stringify(got, null, 2) + '\n');
    const want = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepEqual({ ...got, svgSha256: '', pngSha256: '' }, { ...want, svgSha256: '', pngSha256: '' }, 'the words drawn changed');
    assert.equal(got.svgSha256, want.svgSha256, 'SVG bytes changed (REGEN=1 and review the figure)');
    assert.equal(got.pngSha256, want.pngSha256, 'PNG bytes changed (REGEN=1 and review the figure)');
  });
}

test('the same URL gives byte-identical SVG and PNG', () => {
  const q = 'e=ev-2025-12-23-1a5a0033&scale=2';
  const a = figure(q);
  const b = figure(q);
  assert.equal(figureSvg(a), figureSvg(b));
  assert.equal(sha(figurePng(a, 2)), sha(figurePng(b, 2)));
});

test('the PNG has ink where the title is, and a figure whose text vanished fails this check', () => {
  const source = figure('');
  assert.ok(ink(source, source.titleBox) > 0.08, 'title did not render');
  assert.ok(ink(source, source.titleBox, 2) > 0.08, 'title did not render at scale 2');
  // The same figure with its glyphs gone (as with a font resvg could not load) is blank there.
  const blank = { ...source, svg: source.svg.replace(/<defs><path id="g-[\s\S]*?<\/defs>/, '<defs></defs>') };
  assert.ok(ink(blank, source.titleBox) < 0.01, 'the check cannot tell blank text from text');
});

test('labels never overlap, on any of the golden views', () => {
  for (const query of Object.values(GOLDEN)) {
    const source = figure(query);
    assert.ok(source.labels.length >= 5, `few labels for "${query}"`);
    assert.ok(noCollisions(source.labels), `overlapping labels for "${query}"`);
  }
});

test('every figure carries the attribution, the data date and a source line', () => {
  const { description } = figure('types=Battles');
  assert.match(description, /OpenStreetMap contributors \(ODbL\)/);
  assert.match(description, /GeoNames \(CC BY 4\.0\)/);
  assert.match(description, /Natural Earth/);
  assert.match(description, /Data as of 24 December 2025/);
  assert.match(description, /Sources: 2 news reports — 2 Dec 2025; 24 Dec 2025/);
});

test('the SVG is well-formed XML with no text left to a font: only outlines, the words in <title> and <desc>', () => {
  const svg = figureSvg(figure(''));
  const { doc, errors } = parseXml(svg);
  assert.deepEqual(errors, []);
  assert.equal(doc.getElementsByTagName('text').length, 0);
  assert.ok(doc.getElementsByTagName('use').length > 200);
  assert.match(doc.getElementsByTagName('title')[0].textContent ?? '', /killed in 6 reported attacks/);
});

test('a hostile title and hostile article text come out inert in the SVG and still render', () => {
  const { view, articles } = hostileBrief();
  assert.ok(view.events.length >= 1, 'the hostile article gives an event');
  const source = renderFigureSource({
    events: view.events,
    selectedId: null,
    view: null,
    articles: articles.map((a) => ({ id: a.id, published: a.published ?? null, source: a.source ?? null })),
    dataAsOf: '2025-11-28',
    basemap: loadFigureBasemap(),
    options: { ...FIGURE_DEFAULTS, title: HOSTILE_TITLE },
  });
  const svg = figureSvg(source);
  assert.doesNotMatch(svg, /<script/i);
  assert.doesNotMatch(svg, /<!-- =SUM/);
  const { doc, errors } = parseXml(svg);
  assert.deepEqual(errors, []);
  assert.equal(doc.getElementsByTagName('script').length, 0);
  assert.equal(doc.getElementsByTagName('title')[0].textContent, HOSTILE_TITLE.replace(/[\u0000-\u001f]/g, '').trim());
  assert.match(doc.getElementsByTagName('desc')[0].textContent ?? '', /=HYPERLINK/);
  assert.ok(ink(source, source.titleBox) > 0.05);
});

test('parameters: the map URL plus size and words; bad values refused with the parameter named', () => {
  const ok = parseFigureParams(new URLSearchParams('e=ev-1&types=Battles&view=38,70,8&width=1200&height=800&scale=2&title=T'));
  assert.ok(ok.ok);
  assert.deepEqual(ok.value.state, parseBriefState(new URLSearchParams('e=ev-1&types=Battles&view=38,70,8')));
  assert.deepEqual(ok.value.options, { width: 1200, height: 800, scale: 2, title: 'T', subtitle: null });
  for (const [q, param] of [
    ['width=5000', 'width'],
    ['width=abc', 'width'],
    ['height=10', 'height'],
    ['scale=9', 'scale'],
    ['width=4000&height=4000&scale=4', 'scale'],
    [`title=${'x'.repeat(201)}`, 'title'],
  ] as const) {
    const r = parseFigureParams(new URLSearchParams(q));
    assert.ok(!r.ok && r.param === param, `${q} → ${JSON.stringify(r)}`);
    assert.ok(!r.ok && r.message.startsWith(param));
  }
  const unknown = buildFigure(new URLSearchParams('e=no-such-event'));
  assert.ok(!unknown.ok && unknown.param === 'e');
});

test('figureUrl gives the map state plus options, in a fixed order', () => {
  assert.equal(figureUrl({ ...DEFAULT_STATE, event: 'ev-1', types: ['Battles'] }, { format: 'png', width: 1200, height: 675, scale: 2 }), '/figures/map.png?e=ev-1&types=Battles&width=1200&height=675&scale=2');
  assert.equal(figureUrl(DEFAULT_STATE, { format: 'svg', scale: 2 }), '/figures/map.svg');
});

const inkscape = ['/usr/bin/inkscape', '/usr/local/bin/inkscape'].find((p) => fs.existsSync(p));

test('Inkscape opens the SVG and exports it (skipped where Inkscape is not installed)', { skip: !inkscape && 'no inkscape here' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fig-inkscape-'));
  const svg = path.join(dir, 'figure.svg');
  const png = path.join(dir, 'figure.png');
  fs.writeFileSync(svg, figureSvg(figure('e=ev-2025-11-26-09d30c07')));
  const r = await runIsolated(inkscape!, [svg, '--export-type=png', `--export-filename=${png}`], { timeoutMs: 120_000, env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, r.stderr);
  const out = fs.readFileSync(png);
  assert.equal(out.subarray(1, 4).toString(), 'PNG');
  assert.equal(out.readUInt32BE(16), 1600, 'exported at the figure\'s width');
});
