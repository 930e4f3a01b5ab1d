import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

/** The corpus-hashed URL of the map data, read from the page's preload link. */
async function mapDataUrl(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/');
  await waitForMap(page);
  return (await page.locator('link[rel="preload"][as="fetch"][href$="/map.json"]').getAttribute('href'))!;
}

test('the map data and the basemap layers are preloaded with the HTML and each fetched once', async ({ page }) => {
  const asked = new Map<string, number>();
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('/map.json') || p.startsWith('/basemap/')) asked.set(p, (asked.get(p) ?? 0) + 1);
  });
  await page.goto('/');
  await waitForMap(page);
  const preloaded = await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).getAttribute('href')!));
  expect(preloaded.filter((h) => h.startsWith('/basemap/')).sort()).toEqual(['/basemap/admin1', '/basemap/border', '/basemap/countries', '/basemap/towns']);
  expect(preloaded.some((h) => h.endsWith('/map.json'))).toBe(true);
  // a preload the page's fetch() did not match would show here as a second request for the same path
  expect([...asked.keys()].sort()).toEqual([...preloaded].sort());
  for (const [path, n] of asked) expect(n, path).toBe(1);
});

/** An event id as the pipeline writes it (ev-<start date>-<hash>): present wherever event data is. */
const EVENT_ID = /ev-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}/;

test('the home page HTML carries no events: they come once, from the corpus-hashed data URL', async ({ page }) => {
  const watch = watchPage(page);
  const mapData: string[] = [];
  const rscBodies: Promise<string>[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/map.json')) mapData.push(r.url());
  });
  // Next prefetches the header's links (/, /analyze) as RSC payloads: allowed, as long as none carries events.
  page.on('response', (r) => {
    if (r.request().headers()['rsc'] || r.url().includes('_rsc=')) rscBodies.push(r.text().catch(() => ''));
  });
  const html = await (await page.request.get('/')).text();
  expect(html, 'no event in the HTML').not.toMatch(EVENT_ID);
  await page.goto('/');
  await waitForMap(page);
  await expect(page.locator('.event-list button[data-event-id]').first()).toHaveAttribute('data-event-id', EVENT_ID);
  await page.locator('.app-header a[href="/"]').hover();
  await page.waitForTimeout(300);
  expect(mapData).toHaveLength(1);
  for (const body of await Promise.all(rscBodies)) expect(body, 'an RSC payload that carries the events again').not.toMatch(EVENT_ID);
  watch.assertClean();
});

// The basemap is compressed by `next start` at each request; the map data was gzip'd once by the server
// and labelled by next.config.js (see lib/http/payload.ts). Either way the headers must say what the body is.
for (const path of ['/basemap/countries', 'MAP_DATA']) {
  test(`${path}: gzip when accepted, ETag and 304, Cache-Control, a body that is what its headers say`, async ({ page, request }) => {
    const url = path === 'MAP_DATA' ? await mapDataUrl(page) : path;
    const r = await request.get(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(r.status()).toBe(200);
    expect(r.headers()['content-encoding']).toBe('gzip');
    expect(r.headers()['vary']).toMatch(/Accept-Encoding/i);
    expect(r.headers()['content-type']).toMatch(path === 'MAP_DATA' ? /^application\/json/ : /^application\/geo\+json/);
    expect(r.headers()['etag']).toMatch(/^W\/"[\w-]+"$/);
    expect(r.headers()['cache-control']).toBe(path === 'MAP_DATA' ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    const data = await r.json();
    const plain = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(await plain.json()).toEqual(data);
    // Refused gzip (q=0) gets the plain bytes too.
    const refused = await request.get(url, { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers()['content-encoding']).toBeUndefined();
    expect(await refused.json()).toEqual(data);
    if (path === 'MAP_DATA') {
      // The gzip'd bytes asked for by their own name: a gzip file, not labelled as encoded JSON.
      const file = await request.get(`${url}.gz`, { headers: { 'accept-encoding': 'identity' } });
      expect(file.headers()['content-type']).toBe('application/gzip');
      expect(file.headers()['content-encoding']).toBeUndefined();
      expect(JSON.parse(gunzipSync(await file.body()).toString('utf8'))).toEqual(data);
    }
    const again = await request.get(url, { headers: { 'accept-encoding': 'br, gzip', 'if-none-match': r.headers()['etag'] } });
    expect(again.status()).toBe(304);
  });
}

test('a stale corpus hash and an unknown event answer 404 with a message; an unknown event page is the styled 404', async ({ page, request }) => {
  const r = await request.get('/data/0000000000000000/map.json');
  expect(r.status()).toBe(404);
  expect((await r.json()).error).toMatch(/corpus "0000000000000000" is not the one served/);
  // Whoever answers (the proxy, the plain route, the gzip'd one), the body is what its headers say.
  for (const [path, status, message] of [
    ['/data/%ZZ/map.json', 400, /malformed percent-encoding/],
    ['/data/not-a-hash/map.json', 404, /not-a-hash\W+is not the one served/],
    ['/data/%61bc/map.json', 404, /corpus\W+abc\W+is not the one served/],
  ] as const) {
    const other = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(other.status(), path).toBe(status);
    expect(await other.text(), path).toMatch(message);
  }
  const url = await mapDataUrl(page);
  const ev = await request.get(url.replace('/map.json', '/events/ev-nope'));
  expect(ev.status()).toBe(404);
  expect((await ev.json()).error).toMatch(/no event with id "ev-nope"/);
  const res = await page.goto('/events/ev-nope');
  expect(res!.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Back to the map/ })).toBeVisible();
});

test('a pan writes the view into the URL with no request to the server', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  const requests: string[] = [];
  // Chromium asks for the favicon again when the URL changes: a browser habit, not a round trip of the app.
  page.on('request', (r) => {
    if (new URL(r.url()).pathname !== '/icon.svg') requests.push(r.url());
  });
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 40, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]view=/);
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
});

/** The zoom the map is at, read the way a user would: zoom out once, and the URL says where it went. */
/** The map's zoom, read from the URL after one step in (the overview sits at the least zoom, where zooming out is disabled). */
async function zoomOf(page: import('@playwright/test').Page): Promise<number> {
  await page.locator('.leaflet-control-zoom-in').click();
  await expect(page).toHaveURL(/[?&]view=/);
  return Number(/[?&]view=[^,]+,[^,]+,(\d+)/.exec(page.url())![1]) - 1;
}

async function expectMarkerInsideMap(page: import('@playwright/test').Page, id: string) {
  const m = (await page.locator(`.leaflet-marker-icon[data-event-id="${id}"]`).boundingBox())!;
  const map = (await page.locator('.leaflet-container').boundingBox())!;
  expect(m.x > map.x && m.x < map.x + map.width && m.y > map.y && m.y < map.y + map.height, 'the marker is inside the map').toBe(true);
}

test('selecting from the list frames the event and moves focus to its details beside the map', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  const overview = await zoomOf(page);
  const item = page.locator('.event-list button[data-event-id]').first();
  const id = (await item.getAttribute('data-event-id'))!;
  await item.click();
  await expect(page.locator('.panel .event-details')).toBeVisible();
  await expect(page.locator('.panel')).toBeFocused();
  // The frame follows from the selection: the view chosen before is dropped, the link is `?e=<id>` alone.
  await expect(page).toHaveURL(new RegExp(`/\\?e=${id}$`));
  await waitForMap(page);
  await expectMarkerInsideMap(page, id);
  const framed = await zoomOf(page);
  expect(framed, 'closer than the overview').toBeGreaterThan(overview);
  // A permalink to the selection alone frames it the same way.
  await page.goto(`/?e=${id}`);
  await waitForMap(page);
  await expectMarkerInsideMap(page, id);
  expect(await zoomOf(page)).toBe(framed);
});
