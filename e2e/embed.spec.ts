import { test, expect, type Page } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';
import { APP, articleWith, freePort, hostPage, startApp } from './embed-host';

declare global {
  interface Window {
    __messages: { type?: string; version?: number; height?: number }[];
    __loaded?: boolean;
  }
}

async function droneEventId(page: Page): Promise<string> {
  await page.goto('/');
  await waitForMap(page);
  return (await page.locator('.event-list button[data-event-id]').filter({ hasText: 'drone' }).first().getAttribute('data-event-id'))!;
}

async function borderPath(frame: Page | ReturnType<Page['frameLocator']>): Promise<string> {
  return (await frame.locator('.leaflet-basemap-border-pane path').last().getAttribute('d')) ?? '';
}

test('the Share dialog’s snippet on another origin: one incident, sized to fit, popups, legend and credit; the page scrolls past it and prints it', async ({ page }) => {
  const id = await droneEventId(page);
  await page.locator(`.event-list button[data-event-id="${id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]e=${id}`));
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('#share-permalink')).toHaveValue(new RegExp(`^${APP}/\\?e=${id}`));
  const snippet = await page.locator('#share-snippet').inputValue();
  expect(snippet).toContain(`/embed?event=${id}`);
  expect(snippet).toMatch(/<iframe data-geobrief [^>]*title="Map: [^"]+"/);
  expect(snippet).toContain(`<script src="${APP}/embed.js" async></script>`);
  expect(snippet).toMatch(/<noscript><a href="[^"]+"><img src="[^"]+\/figures\/map\.png\?[^"]*"/);
  await page.frameLocator('.share-preview iframe').locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached' });

  const host = await hostPage(articleWith(snippet));
  try {
    const watch = watchPage(page);
    await page.goto(host.url);
    const iframe = page.locator('iframe[data-geobrief]');
    const frame = page.frameLocator('iframe[data-geobrief]');
    await frame.locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });
    await expect(frame.locator('.leaflet-container')).toHaveAttribute('data-corpus', /^[0-9a-f]{16}$/);

    // Sized by the height message: the frame is as tall as its content, and the credit line is inside it.
    await expect(iframe).toHaveAttribute('data-geobrief-sized', 'true');
    const heights = (await page.evaluate(() => window.__messages)).filter((m) => m.type === 'geobrief:height' && m.version === 1).map((m) => m.height!);
    expect(heights.length).toBeGreaterThan(0);
    const frameBox = (await iframe.boundingBox())!;
    expect(Math.abs(frameBox.height - heights.at(-1)!)).toBeLessThanOrEqual(1);
    const credit = (await frame.locator('.embed-credit').boundingBox())!;
    expect(credit.y + credit.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 0.5);

    // The selected incident's popup: excerpt, links to the main site in a new tab.
    const popup = frame.locator(`.leaflet-popup .popup[data-event-id="${id}"]`);
    await expect(popup).toBeVisible();
    await expect(popup.locator('.excerpt')).toContainText(/drone/i);
    const source = popup.getByRole('link', { name: 'Source', exact: true });
    await expect(source).toHaveAttribute('target', '_blank');
    expect(await source.evaluate((a) => (a as HTMLAnchorElement).href)).toMatch(new RegExp(`^${APP}/sources/.+\\?e=${id}$`));
    await expect(frame.locator('.legend')).toBeVisible();
    await expect(frame.locator('.embed-credit')).toContainText('geobrief');
    await expect(frame.locator('.embed-credit a', { hasText: 'Full map' })).toHaveAttribute('href', new RegExp(`^/\\?e=${id}`));
    await expect(frame.locator('.embed-credit a', { hasText: 'Figure (PNG)' })).toHaveAttribute('href', new RegExp(`^/figures/map\\.png\\?e=${id}.*download=1`));
    await expect(frame.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap contributors');

    // Another marker opens its own popup.
    const other = frame.locator(`.leaflet-marker-icon[data-event-id]:not([data-event-id="${id}"])`).first();
    const otherId = (await other.getAttribute('data-event-id'))!;
    await other.dispatchEvent('click');
    await expect(frame.locator(`.leaflet-popup .popup[data-event-id="${otherId}"]`)).toBeVisible();

    // No scroll trap: the wheel over the map scrolls the host page and does not zoom the map.
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await borderPath(frame);
    await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + 60);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(frame.locator('.embed-hint')).toHaveAttribute('data-visible', 'true');
    expect(await borderPath(frame)).toBe(before);
    watch.assertClean();

    // Printed to PDF, the frame holds the map: far more drawn than the same page with an empty frame.
    await page.evaluate(() => window.scrollTo(0, 0));
    const withMap = await page.pdf({ format: 'A4', printBackground: true });
    await page.setContent(articleWith('<iframe style="display:block;width:100%;aspect-ratio:3/2;border:0" src="about:blank"></iframe>'));
    const blank = await page.pdf({ format: 'A4', printBackground: true });
    expect(withMap.length).toBeGreaterThan(blank.length + 50_000);
  } finally {
    await host.close();
  }
});

test('without the loader script the frame keeps its aspect ratio and everything fits inside it', async ({ page }) => {
  const host = await hostPage(articleWith(`<iframe data-geobrief src="${APP}/embed?title=Border%20attacks&note=Sources%3A%20news%20reports" title="Map" style="display:block;width:100%;aspect-ratio:3 / 2;min-height:320px;border:0"></iframe>`));
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('iframe[data-geobrief]');
    await frame.locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });
    const box = (await page.locator('iframe[data-geobrief]').boundingBox())!;
    expect(Math.abs(box.height - box.width / 1.5)).toBeLessThanOrEqual(1);
    for (const part of ['.embed-title', '.embed-note', '.embed-credit', '.leaflet-container']) {
      const b = (await frame.locator(part).boundingBox())!;
      expect(b.height, part).toBeGreaterThan(0);
      expect(b.y + b.height, part).toBeLessThanOrEqual(box.y + box.height + 0.5);
    }
    await expect(frame.locator('.embed-title')).toHaveText('Border attacks');
  } finally {
    await host.close();
  }
});

test('origins restricted by GEOBRIEF_EMBED_ORIGINS: a listed origin frames /embed, another cannot; other pages never frame cross-origin', async ({ page }) => {
  test.setTimeout(90_000);
  const allowed = await hostPage();
  const other = await hostPage();
  const app = await startApp(await freePort(), { GEOBRIEF_EMBED_ORIGINS: allowed.origin });
  const frameOf = (src: string) => articleWith(`<iframe src="${src}" title="Map" style="width:100%;height:400px;border:0" onload="window.__loaded=true"></iframe>`);
  const isBlocked = async () => {
    await page.waitForFunction(() => window.__loaded === true);
    const f = page.mainFrame().childFrames()[0];
    return f.url().startsWith('chrome-error:') || (await f.locator('.embed, .brief').count().catch(() => 0)) === 0;
  };
  try {
    const res = await page.request.get(`${app.url}/embed`);
    // the whole policy (script-src with a nonce, …) ends with who may frame it
    expect(res.headers()['content-security-policy']).toMatch(new RegExp(`frame-ancestors 'self' ${allowed.origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));

    allowed.serve(frameOf(`${app.url}/embed`));
    await page.goto(allowed.url);
    await page.frameLocator('iframe').locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });

    other.serve(frameOf(`${app.url}/embed`));
    await page.goto(other.url);
    expect(await isBlocked()).toBe(true);

    // The default (no list) lets any page frame /embed, but never the map page itself.
    other.serve(frameOf(`${APP}/`));
    await page.goto(other.url);
    expect(await isBlocked()).toBe(true);
    expect((await page.request.get(`${APP}/`)).headers()['x-frame-options']).toBe('SAMEORIGIN');
    // unrestricted: the policy says nothing about who may frame /embed
    expect((await page.request.get(`${APP}/embed`)).headers()['content-security-policy'] ?? '').not.toMatch(/frame-ancestors/);
  } finally {
    app.stop();
    await allowed.close();
    await other.close();
  }
});

test('invalid and unknown parameters: a notice names each one, the rest still applies, never an error page', async ({ page }) => {
  const watch = watchPage(page);
  const res = await page.goto('/embed?bbox=71,37,69&zoom=banana&theme=neon&legend=maybe&event=no-such-event&from=2025-02-30&colour=red&title=%3Cb%3EStill%20a%20caption%3C%2Fb%3E');
  expect(res!.status()).toBe(200);
  await waitForMap(page);
  const notice = page.locator('.embed-notice');
  for (const p of ['bbox=71,37,69', 'zoom=banana', 'theme=neon', 'legend=maybe', 'event=no-such-event', 'from=2025-02-30', 'colour=red (unknown parameter)']) await expect(notice).toContainText(p);
  await expect(page.locator('.embed-title')).toHaveText('<b>Still a caption</b>');
  await expect(page.locator('.embed')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.legend')).toBeVisible();
  expect(await page.locator('.leaflet-marker-icon[data-event-id]').count()).toBeGreaterThanOrEqual(4);
  watch.assertClean();
});

test('without JavaScript the embed says so and links to the same view on the main site', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/embed?event=no-such-event&from=2025-11-01');
  const link = page.locator('.embed-noscript a');
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/?from=2025-11-01');
  await expect(page.locator('.embed-notice')).toContainText('event=no-such-event');
  await context.close();
});

test('Ctrl/⌘ + wheel zooms the embed; the wheel alone shows the hint and leaves the map as it was', async ({ page }) => {
  await page.goto('/embed');
  await waitForMap(page);
  const map = (await page.locator('.leaflet-container').boundingBox())!;
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  const before = await borderPath(page);
  await page.mouse.wheel(0, -300);
  await expect(page.locator('.embed-hint')).toHaveAttribute('data-visible', 'true');
  expect(await borderPath(page)).toBe(before);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(() => borderPath(page)).not.toBe(before);
  await waitForMap(page);
});

test('interactive=0 locks pan and zoom; controls=0 hides the buttons; legend=0 hides the legend', async ({ page }) => {
  await page.goto('/embed?interactive=0&controls=0&legend=0');
  await waitForMap(page);
  await expect(page.locator('.leaflet-control-zoom')).toHaveCount(0);
  await expect(page.locator('.legend')).toHaveCount(0);
  const before = await borderPath(page);
  const map = (await page.locator('.leaflet-container').boundingBox())!;
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await page.mouse.down();
  await page.mouse.move(map.x + map.width / 2 + 120, map.y + map.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await page.waitForTimeout(200);
  expect(await borderPath(page)).toBe(before);
});

test.describe('screenshot baselines of /embed', () => {
  test.use({ viewport: { width: 800, height: 520 } });

  test('default: every event, framed', async ({ page }) => {
    const watch = watchPage(page);
    await page.goto('/embed');
    await waitForMap(page);
    await expect(page).toHaveScreenshot('embed-default.png');
    watch.assertClean();
  });

  test('one event selected: framed, its popup open', async ({ page }) => {
    const id = await droneEventId(page);
    await page.goto(`/embed?event=${id}`);
    await waitForMap(page);
    await expect(page.locator(`.leaflet-popup .popup[data-event-id="${id}"]`)).toBeVisible();
    await expect(page).toHaveScreenshot('embed-event.png');
  });

  test('static=1: no controls, no popups, and byte-identical from one load to the next', async ({ page, browser }) => {
    const id = await droneEventId(page);
    const url = `/embed?static=1&event=${id}&title=Drone%20strike`;
    await page.goto(url);
    await waitForMap(page);
    await expect(page.locator('.leaflet-control-zoom')).toHaveCount(0);
    await expect(page.locator('.leaflet-popup')).toHaveCount(0);
    await page.locator(`.leaflet-marker-icon[data-event-id="${id}"]`).dispatchEvent('click');
    await expect(page.locator('.leaflet-popup')).toHaveCount(0);
    await expect(page).toHaveScreenshot('embed-static.png');

    const shots: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: { width: 800, height: 520 }, deviceScaleFactor: 1 });
      const p = await context.newPage();
      await p.goto(url);
      await waitForMap(p);
      shots.push(await p.screenshot({ animations: 'disabled', caret: 'hide' }));
      await context.close();
    }
    expect(shots[0].equals(shots[1])).toBe(true);
  });

  test('dark theme, pinned by the host', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/embed?theme=dark&title=Attacks%20on%20the%20border&note=Sources%3A%20news%20reports');
    await waitForMap(page);
    await expect(page.locator('.embed')).toHaveAttribute('data-theme', 'dark');
    const [bg, tj] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.embed')!).backgroundColor,
      getComputedStyle(document.querySelector('.bm-TJ')!).fill,
    ]);
    expect(bg).toBe('rgb(21, 25, 30)');
    expect(tj).toBe('rgb(44, 48, 54)');
    await expect(page).toHaveScreenshot('embed-dark.png');
  });

  test('theme=auto follows the reader’s setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/embed?theme=auto');
    await waitForMap(page);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.embed')!).backgroundColor)).toBe('rgb(21, 25, 30)');
  });
});

test('the Share dialog’s options change the snippet and the live preview', async ({ page }) => {
  await page.goto('/?view=37.9000,70.2000,8');
  await waitForMap(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const snippet = page.locator('#share-snippet');
  await expect(snippet).toHaveValue(/embed\?center=37\.9,70\.2&#38;zoom=8"/);
  await page.locator('select[name="theme"]').selectOption('dark');
  await page.locator('input[name="static"]').check();
  await page.locator('input[name="title"]').fill('Border "attacks" <2025>');
  await expect(snippet).toHaveValue(/&#38;theme=dark&#38;static=1&#38;title=Border\+%22attacks%22\+%3C2025%3E"/);
  await expect(snippet).toHaveValue(/title="Map: Border &#34;attacks&#34; &#60;2025&#62;"/);
  const preview = page.frameLocator('.share-preview iframe');
  await expect(preview.locator('.embed')).toHaveAttribute('data-theme', 'dark');
  await expect(preview.locator('.embed-title')).toHaveText('Border "attacks" <2025>');
  await page.locator('button[data-copy="snippet"]').click();
  await expect(page.locator('button[data-copy="snippet"]')).toHaveText('Copied');
  await page.keyboard.press('Escape');
  await expect(page.locator('.share-dialog')).not.toBeVisible();
});
