/**
 * Time to `data-map-ready` as the page itself sees it, for the benchmarks (bench:map, bench:scale): the moment
 * the attribute flips to "true", measured from the navigation's start (performance.now()), not from when a
 * test runner happens to poll.
 */
import type { Page } from '@playwright/test';

const READY = '.leaflet-container[data-map-ready="true"]';

/** Call before navigating: stamps the moment the map first says it is ready. */
export async function stampMapReady(page: Page): Promise<void> {
  await page.addInitScript((selector) => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(selector)) {
        (window as unknown as { __readyAt: number }).__readyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'], childList: true });
  }, READY);
}

/** Waits for the map to be ready and returns the stamped time (ms since navigation start). */
export async function mapReadyAt(page: Page, timeoutMs: number): Promise<number> {
  await page.locator(READY).waitFor({ state: 'attached', timeout: timeoutMs });
  return page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
}
