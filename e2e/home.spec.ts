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
