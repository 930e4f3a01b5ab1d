// The Share dialog and the figure and export controls, used as an analyst would, under the app's own
// Content-Security-Policy (proxy.ts: a nonce per request, no inline script): not one violation, in the
// page or in the live preview's frame, and no console error.
import { test, expect, type Page } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

const DRONE = 'ev-2025-11-26-09d30c07';

/** Every `securitypolicyviolation` in any frame of the page, reported through a binding (CSP does not apply to it). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding('reportCspViolation', ({ frame }, text: string) => violations.push(`${frame.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

test('the Share dialog works under the CSP: link, options, live preview, copy, close', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await watchCsp(page);
  const watch = watchPage(page);
  const res = await page.goto(`/?e=${DRONE}`);
  expect(res!.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  await waitForMap(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('#share-permalink')).toHaveValue(new RegExp(`\\?e=${DRONE}`));
  await page.locator('select[name="theme"]').selectOption('dark');
  await page.locator('input[name="title"]').fill('Drone strike');
  await expect(page.locator('#share-snippet')).toHaveValue(/theme=dark/);
  const preview = page.frameLocator('.share-preview iframe');
  await preview.locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  await expect(preview.locator('.embed')).toHaveAttribute('data-theme', 'dark');
  await page.locator('button[data-copy="snippet"]').click();
  await expect(page.locator('button[data-copy="snippet"]')).toHaveText('Copied');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  expect(violations).toEqual([]);
  watch.assertClean();
});

test('the figure dialog and the data exports work under the CSP: preview, size, title, downloads', async ({ page }) => {
  const violations = await watchCsp(page);
  const watch = watchPage(page);
  await page.goto(`/?e=${DRONE}`);
  await waitForMap(page);

  await page.getByRole('button', { name: 'Download figure…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download figure' });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('img', { name: 'Preview of the figure' });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(1600);
  await dialog.getByLabel('Title').fill('Drone strike on a mining camp');
  await dialog.getByLabel('Size').selectOption('portrait');
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(900);
  for (const name of ['Download SVG', 'Download PNG']) {
    const download = page.waitForEvent('download');
    await dialog.getByRole('link', { name }).click();
    expect((await download).suggestedFilename()).toMatch(/\.(svg|png)$/);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  for (const name of ['CSV', 'GeoJSON', 'KML']) {
    const download = page.waitForEvent('download');
    await page.locator('.sidebar').getByRole('link', { name, exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${name === 'GeoJSON' ? 'geojson' : name.toLowerCase()}$`));
  }

  expect(violations).toEqual([]);
  watch.assertClean();
});
