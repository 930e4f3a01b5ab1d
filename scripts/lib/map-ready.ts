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

/**
 * One move of bench:scale's series, the `i`-th: a drag of 150 × 60 px from the map's centre (`cx`, `cy`), then a wheel
 * notch, alternating in direction — bench:scale measures frame times over six of them, profile-map-move replays them.
 */
export async function benchMove(page: Page, cx: number, cy: number, i: number): Promise<void> {
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + (i % 2 ? 150 : -150), cy + (i % 3 ? 60 : -60), { steps: 10 });
  await page.mouse.up();
  await page.mouse.wheel(0, i % 2 ? 200 : -200);
  await page.waitForTimeout(250);
}
