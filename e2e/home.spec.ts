import { test, expect } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

test('home page draws the offline basemap with the Tajik–Afghan border, and nothing leaves localhost', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await waitForMap(page);

  await expect(page.locator('.leaflet-basemap-border-pane path')).toHaveCount(2);
  await expect(page.locator('.leaflet-basemap-land-pane path').first()).toBeVisible();
  await expect(page.locator('.country-label', { hasText: 'Tajikistan' })).toBeVisible();
  await expect(page.locator('.town-label', { hasText: 'Dushanbe' })).toBeVisible();
  await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap contributors');
  await expect(page.locator('.leaflet-control-attribution')).toContainText('GeoNames');
  await expect(page.locator('.leaflet-control-attribution')).toContainText('Natural Earth');
  await expect(page.locator('.leaflet-tile')).toHaveCount(0);

  await expect(page).toHaveScreenshot('home-region.png');
  watch.assertClean();
});

test('the map page carries the same corpus hash as /embed (screenshot contract: data-corpus)', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  const home = await page.locator('.leaflet-container').getAttribute('data-corpus');
  expect(home).toMatch(/^[0-9a-f]{16}$/);
  await page.goto('/embed');
  await waitForMap(page);
  await expect(page.locator('.leaflet-container')).toHaveAttribute('data-corpus', home!);
});
