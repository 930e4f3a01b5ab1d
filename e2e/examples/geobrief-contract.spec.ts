/**
 * geobrief screenshot contract v1: an example check to copy into your own Playwright project.
 *
 *   GEOBRIEF_URL=https://geobrief.example npx playwright test geobrief-contract.spec.ts
 *
 * GEOBRIEF_URL is the geobrief instance to check; without it the test uses your config's baseURL
 * (geobrief's own CI runs this very file that way, against its local server). Only
 * @playwright/test is needed. The contract is described in geobrief's README, "Screenshot contract (v1)".
 */
import { test, expect, type Page } from '@playwright/test';

const BASE = process.env.GEOBRIEF_URL?.replace(/\/+$/, '');
test.use({ ...(BASE ? { baseURL: BASE } : {}), viewport: { width: 800, height: 520 }, deviceScaleFactor: 1 });

/** Waits for the contract's ready signal: basemap, markers, areas and font drawn, two frames passed. */
async function mapReady(page: Page) {
  const map = page.locator('.leaflet-container');
  await expect(map).toHaveAttribute('data-map-ready', 'true', { timeout: 20_000 });
  return map;
}

async function markerIds(page: Page): Promise<string[]> {
  return page.locator('.leaflet-marker-icon[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
}

test('the map says when it is drawn and which data it draws', async ({ page }) => {
  await page.goto('/embed');
  const map = await mapReady(page);
  await expect(map).toHaveAttribute('data-corpus', /^[0-9a-f]{16}$/);
  expect((await markerIds(page)).length).toBeGreaterThan(0);
});

test('a marker opens its popup: a quote from the source and links to it', async ({ page }) => {
  await page.goto('/embed');
  await mapReady(page);
  const [id] = await markerIds(page);
  await page.locator(`.leaflet-marker-icon[data-event-id="${id}"]`).dispatchEvent('click');
  const popup = page.locator(`.leaflet-popup .popup[data-event-id="${id}"]`);
  await expect(popup).toBeVisible();
  await expect(popup.locator('.excerpt')).not.toBeEmpty();
  await expect(popup.getByRole('link', { name: 'Source', exact: true })).toHaveAttribute('href', /\/sources\//);
});

test('data-map-ready drops to "false" while the view changes and comes back to "true"', async ({ page }) => {
  await page.goto('/embed');
  await mapReady(page);
  await page.evaluate(() => {
    const el = document.querySelector('.leaflet-container')!;
    const seen: string[] = ((window as unknown as { __ready: string[] }).__ready = []);
    new MutationObserver(() => seen.push(el.getAttribute('data-map-ready')!)).observe(el, { attributeFilter: ['data-map-ready'] });
  });
  await page.locator('.leaflet-control-zoom-in').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __ready: string[] }).__ready.join(','))).toMatch(/false.*true$/);
});

test('one event selected: framed, with its popup open', async ({ page }) => {
  await page.goto('/embed');
  await mapReady(page);
  const [id] = await markerIds(page);
  await page.goto(`/embed?event=${encodeURIComponent(id)}`);
  await mapReady(page);
  await expect(page.locator(`.leaflet-popup .popup[data-event-id="${id}"]`)).toBeVisible();
});

test('static=1 renders byte-identically for the same URL, viewport and scale', async ({ browser, baseURL }) => {
  const shots: Buffer[] = [];
  let corpus: string | null = null;
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext({ baseURL, viewport: { width: 800, height: 520 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto('/embed?static=1');
    const map = await mapReady(page);
    corpus = await map.getAttribute('data-corpus');
    shots.push(await page.screenshot({ animations: 'disabled', caret: 'hide' }));
    await context.close();
  }
  expect(shots[0].equals(shots[1]), 'two loads of the same static URL differ').toBe(true);
  // To keep a baseline across runs, name it after the data so a data change is told apart from a
  // rendering change: await expect(page).toHaveScreenshot(`geobrief-${corpus}.png`, { maxDiffPixels: 0 })
  test.info().annotations.push({ type: 'data-corpus', description: corpus ?? '' });
});
