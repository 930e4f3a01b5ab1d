import { test, expect } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

const DRONE = 'ev-2025-11-26-09d30c07';

test('Download figure: a dialog with a preview of the current view, PNG and SVG of the same state', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`/?e=${DRONE}&types=Explosions/Remote violence`);
  await waitForMap(page);
  await page.getByRole('button', { name: 'Download figure…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download figure' });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('img', { name: 'Preview of the figure' });
  await expect(preview).toHaveAttribute('src', new RegExp(`/figures/map\\.png\\?e=${DRONE}&types=Explosions%2FRemote\\+violence&width=1600&height=900`));
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(1600);

  const png = dialog.getByRole('link', { name: 'Download PNG' });
  const svg = dialog.getByRole('link', { name: 'Download SVG' });
  await expect(png).toHaveAttribute('href', /scale=2&download=1$/);
  const pngRes = await page.request.get((await png.getAttribute('href'))!);
  expect(pngRes.status()).toBe(200);
  expect(pngRes.headers()['content-type']).toBe('image/png');
  expect((await pngRes.body()).subarray(1, 4).toString()).toBe('PNG');
  const svgRes = await page.request.get((await svg.getAttribute('href'))!);
  expect(svgRes.headers()['content-type']).toContain('image/svg+xml');
  expect(await svgRes.text()).toContain('<title>Drone strike kills 3, injures 1 near Istiqlol border post</title>');

  // A title typed in the dialog goes into the links; a portrait size changes the preview's size.
  await dialog.getByLabel('Title').fill('Drone strike on a mining camp');
  await dialog.getByLabel('Size').selectOption('portrait');
  await expect(png).toHaveAttribute('href', /width=900&height=1200&scale=2&title=Drone\+strike\+on\+a\+mining\+camp/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  watch.assertClean();
});

test('data exports of what is shown follow the filters', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/?types=Battles');
  await waitForMap(page);
  const csv = page.locator('a[data-export="csv"]').first();
  await expect(csv).toHaveAttribute('href', '/api/events.csv?types=Battles');
  const res = await page.request.get('/api/events.csv?types=Battles');
  expect(res.headers()['content-type']).toContain('text/csv');
  expect(res.headers()['content-disposition']).toContain('geobrief-events.csv');
  const text = (await res.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.split('\r\n').filter(Boolean).length).toBe(1 + 2);
  for (const f of ['geojson', 'kml']) {
    const href = await page.locator(`a[data-export="${f}"]`).first().getAttribute('href');
    expect((await page.request.get(href!)).status()).toBe(200);
  }
  watch.assertClean();
});

test('the event page exports that one event and offers its figure', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`/events/${DRONE}`);
  await expect(page.locator('a[data-export="kml"]')).toHaveAttribute('href', `/api/events.kml?e=${DRONE}&scope=event`);
  const kml = await (await page.request.get(`/api/events.kml?e=${DRONE}&scope=event`)).text();
  expect(kml.match(/<Placemark id="ev-[0-9a-f-]+"/g)?.length).toBe(1);
  await page.getByRole('button', { name: 'Download figure…' }).click();
  await expect(page.getByRole('dialog', { name: 'Download figure' }).getByRole('link', { name: 'Download SVG' })).toHaveAttribute('href', `/figures/map.svg?e=${DRONE}&width=1600&height=900&download=1`);
  watch.assertClean();
});

test('bad figure and export parameters get 400 naming the parameter, never a 500', async ({ request }) => {
  for (const [url, param] of [
    ['/figures/map.png?width=100000', 'width'],
    ['/figures/map.svg?scale=x', 'scale'],
    ['/figures/map.png?e=nope', 'e'],
    ['/api/events.csv?scope=all', 'scope'],
    ['/api/events.kml?e=nope', 'e'],
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(400);
    expect((await res.json()).param).toBe(param);
  }
});
