// The analyst's page at a phone's, a tablet's and a laptop's size: screenshot baselines (with and without a
// selected event), nothing overlapping (page regions, map controls, legend), touch targets of 44 px on touch
// screens, and the map's labels: no two intersecting, none under a marker, a control or the legend, at the
// home zoom and two zooms closer.
import { test, expect, type Page } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

const DRONE = 'ev-2025-11-26-09d30c07';
const SIZES = [
  { width: 390, height: 844, touch: true },
  { width: 768, height: 1024, touch: true },
  { width: 1440, height: 900, touch: false },
];

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** A label's glyphs as drawn: centre, size, and the angle it is turned by (river names). */
interface Shape extends Rect {
  text: string;
  angle: number;
}

const EPS = 0.5;

function corners(s: { x: number; y: number; w: number; h: number; angle?: number }): [number, number][] {
  const a = ((s.angle ?? 0) * Math.PI) / 180;
  const cx = s.x + s.w / 2;
  const cy = s.y + s.h / 2;
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([i, j]) => {
    const dx = (i * s.w) / 2;
    const dy = (j * s.h) / 2;
    return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
  });
}

/** Separating-axis test for two convex quadrilaterals, shrunk by EPS so that touching edges do not count. */
function intersects(p: [number, number][], q: [number, number][]): boolean {
  for (const poly of [p, q]) {
    for (let i = 0; i < 4; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % 4];
      const nx = y1 - y2;
      const ny = x2 - x1;
      const len = Math.hypot(nx, ny) || 1;
      const proj = (pts: [number, number][]) => pts.map(([x, y]) => (x * nx + y * ny) / len);
      const a = proj(p);
      const b = proj(q);
      if (Math.max(...a) - EPS <= Math.min(...b) || Math.max(...b) - EPS <= Math.min(...a)) return false;
    }
  }
  return true;
}

function overlapping(rects: (Rect & { name: string })[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) if (intersects(corners(rects[i]), corners(rects[j]))) out.push(`${rects[i].name} × ${rects[j].name}`);
  return out;
}

/** What is on the map now: label glyph shapes, town dots, markers, and everything drawn over the map. */
async function mapContents(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const map = document.querySelector('.map-frame .leaflet-container')!;
    const labels = [...map.querySelectorAll('.map-label')].map((el) => {
      const text = el.textContent ?? '';
      if (el.classList.contains('river-label')) {
        const span = el.firstElementChild as HTMLElement;
        const r = span.getBoundingClientRect();
        const angle = Number(/rotate\((-?[\d.]+)deg\)/.exec(span.style.transform)?.[1] ?? 0);
        const w = span.offsetWidth;
        const h = span.offsetHeight;
        return { text, angle, w, h, x: r.left + r.width / 2 - w / 2, y: r.top + r.height / 2 - h / 2 };
      }
      const range = document.createRange();
      range.selectNodeContents([...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!);
      const r = range.getBoundingClientRect();
      return { text, angle: 0, x: r.left, y: r.top, w: r.width, h: r.height };
    });
    const frame = map.parentElement!;
    const overlays = [
      ...[...map.querySelectorAll('.leaflet-control')].map((el) => ({ name: el.className.split(' ').find((c) => c.startsWith('leaflet-control-')) ?? 'control', ...box(el) })),
      ...[...frame.querySelectorAll('.share-button, .legend-toggle, .legend')].filter(visible).map((el) => ({ name: el.className, ...box(el) })),
    ];
    return {
      map: box(map),
      labels,
      dots: [...map.querySelectorAll('.map-label .town-dot')].map((el) => ({ name: `dot of ${el.parentElement!.textContent}`, ...box(el) })),
      markers: [...map.querySelectorAll('.event-marker, .event-cluster')].filter(visible).map((el) => ({ name: `marker ${el.getAttribute('data-event-id') ?? 'cluster'}`, ...box(el) })),
      overlays,
    };
  });
}

async function expectCleanLabels(page: Page, where: string) {
  const { map, labels, dots, markers, overlays } = await mapContents(page);
  // a selected event is framed close, so a phone's small map shows only the few towns around it
  expect(labels.length, `${where}: labels drawn`).toBeGreaterThan(where.startsWith('selected') ? 1 : 3);
  const named = labels.map((l) => ({ ...l, name: `label ${l.text}` }));
  const problems = overlapping(named);
  for (const l of named) {
    const shape = corners(l);
    for (const o of [...markers, ...overlays, ...dots.filter((d) => d.name !== `dot of ${l.text}`)]) if (intersects(shape, corners(o))) problems.push(`${l.name} × ${o.name}`);
    for (const [x, y] of shape) if (x < map.x - EPS || y < map.y - EPS || x > map.x + map.w + EPS || y > map.y + map.h + EPS) problems.push(`${l.name} outside the map`);
  }
  expect(problems, `${where}: labels colliding`).toEqual([]);
}

async function expectLayout(page: Page, touch: boolean, where: string) {
  const regions = await page.evaluate(() =>
    [...document.querySelectorAll('.brief > .sidebar, .brief > .panel, .brief > .map-frame, .map-frame .leaflet-control, .map-frame .share-button, .map-frame .legend-toggle, .map-frame .legend')]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.className.split(' ')[0] + (el.className.includes('leaflet-control-') ? ` ${el.className.split(' ').find((c) => c.startsWith('leaflet-control-'))}` : ''), x: r.left, y: r.top, w: r.width, h: r.height, inMap: !!el.closest('.map-frame') && !el.classList.contains('map-frame') };
      }),
  );
  const regionsOnly = regions.filter((r) => !r.inMap);
  const inMap = regions.filter((r) => r.inMap);
  expect(overlapping(regionsOnly), `${where}: page regions overlapping`).toEqual([]);
  expect(overlapping(inMap), `${where}: map controls and legend overlapping`).toEqual([]);
  const frame = regions.find((r) => r.name === 'map-frame')!;
  for (const r of inMap) {
    expect(r.x >= frame.x - EPS && r.y >= frame.y - EPS && r.x + r.w <= frame.x + frame.w + EPS && r.y + r.h <= frame.y + frame.h + EPS, `${where}: ${r.name} inside the map`).toBe(true);
  }
  if (!touch) return;
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.brief button, .brief select, .brief input, .brief .figure-export a, .leaflet-control-zoom a')]
      .filter((el) => !el.closest('dialog') && !el.classList.contains('leaflet-marker-icon'))
      // a checkbox is reached through its label
      .map((el) => (el instanceof HTMLInputElement && el.type === 'checkbox' && el.closest('label') ? el.closest('label')! : el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.width < 43.5 || r.height < 43.5);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className || (el as HTMLInputElement).name} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`),
  );
  expect(small, `${where}: touch targets under 44 px`).toEqual([]);
}

for (const { width, height, touch } of SIZES) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height }, hasTouch: touch });

    test('home: screenshot, no overlaps, labels clear at three zooms', async ({ page }) => {
      const watch = watchPage(page);
      await page.goto('/');
      await waitForMap(page);
      await expect(page).toHaveScreenshot(`layout-${width}x${height}.png`);
      await expectLayout(page, touch, 'home');
      await expectCleanLabels(page, 'home zoom');
      // the border river is named along its course
      if (width >= 1440) await expect(page.locator('.river-label', { hasText: 'Panj' })).not.toHaveCount(0);
      for (const step of [1, 2]) {
        await page.locator('.leaflet-control-zoom-in').click();
        await expect(page).toHaveURL(new RegExp(`view=[^&]*,${7 + step}(&|$)`));
        await waitForMap(page);
        await expectCleanLabels(page, `zoomed in ${step}`);
      }
      watch.assertClean();
    });

    test('an event selected: screenshot, no overlaps, labels clear', async ({ page }) => {
      const watch = watchPage(page);
      await page.goto(`/?e=${DRONE}`);
      await waitForMap(page);
      await expect(page.locator(`.leaflet-popup .popup[data-event-id="${DRONE}"]`)).toBeVisible();
      await expect(page).toHaveScreenshot(`layout-${width}x${height}-selected.png`);
      await expectLayout(page, touch, 'selected');
      await expectCleanLabels(page, 'selected');
      // the popup is whole inside the map, not cut by the details column or the phone's edge
      const [popup, map] = await Promise.all([page.locator('.leaflet-popup-content-wrapper').boundingBox(), page.locator('.map-frame .leaflet-container').boundingBox()]);
      expect(popup!.x).toBeGreaterThanOrEqual(map!.x);
      expect(popup!.y).toBeGreaterThanOrEqual(map!.y);
      expect(popup!.x + popup!.width).toBeLessThanOrEqual(map!.x + map!.width);
      watch.assertClean();
    });
  });
}
