import { expect, type Page } from '@playwright/test';

/**
 * Records every request the page makes and every console error; call `assertClean()` at the end.
 * Only the app's own origin is allowed: the product runs offline.
 */
export function watchPage(page: Page) {
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) outside.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return {
    assertClean() {
      expect(outside, 'requests that left localhost').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
  };
}

export async function waitForMap(page: Page) {
  await page.locator('.leaflet-container[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
}
