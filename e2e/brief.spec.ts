import { test, expect, type Page } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

async function eventIds(page: Page): Promise<string[]> {
  return page.locator('.event-list button[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
}

test('every event has a list item and a labelled marker with the same id', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await waitForMap(page);
  const ids = await eventIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  for (const id of ids) {
    const marker = page.locator(`.leaflet-marker-icon[data-event-id="${id}"]`);
    await expect(marker).toHaveCount(1);
    await expect(marker).toHaveAttribute('aria-label', /killed/);
    await expect(marker).toHaveAttribute('role', 'button');
  }
  await expect(page).toHaveScreenshot('home-events.png');
  watch.assertClean();
});

test('list → popup with an excerpt → source page → back to the map with the selection kept', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await waitForMap(page);
  const item = page.locator('.event-list button[data-event-id]').filter({ hasText: 'drone' }).first();
  const id = (await item.getAttribute('data-event-id'))!;
  await item.click();
  await expect(page).toHaveURL(new RegExp(`[?&]e=${id}`));
  await expect(item).toHaveAttribute('aria-pressed', 'true');

  const popup = page.locator(`.leaflet-popup .popup[data-event-id="${id}"]`);
  await expect(popup).toBeVisible();
  await expect(popup.locator('.excerpt')).toContainText(/drone/i);
  await expect(page.locator('.panel .event-details')).toContainText('Sources');
  await expect(page).toHaveScreenshot('selected-event.png');

  await popup.getByRole('link', { name: 'Source', exact: true }).click();
  await expect(page).toHaveURL(/\/sources\//);
  const incident = page.locator(`.incident[data-event-ids~="${id}"]`).first();
  await expect(incident).toBeVisible();
  await expect(page.locator('.place-mark').first()).toBeVisible();

  await page.locator(`a.to-map[data-event-id="${id}"]`).first().click();
  await waitForMap(page);
  await expect(page).toHaveURL(new RegExp(`[?&]e=${id}`));
  await expect(page.locator(`.event-list button[data-event-id="${id}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`.leaflet-popup .popup[data-event-id="${id}"]`)).toBeVisible();
  watch.assertClean();
});

test('filters narrow the list and the map, and a permalink reproduces them', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await waitForMap(page);
  const all = (await eventIds(page)).length;

  const typeBoxes = page.locator('.filters input[name="type"]');
  expect(await typeBoxes.count()).toBeGreaterThanOrEqual(2);
  await typeBoxes.first().click();
  await expect(typeBoxes.first()).not.toBeChecked();
  await expect(page).toHaveURL(/types=/);
  const afterType = (await eventIds(page)).length;
  expect(afterType).toBeLessThan(all);
  await expect(page.locator('.leaflet-marker-icon[data-event-id]')).toHaveCount(afterType);

  await page.locator('.filters input[name="from"]').fill('2025-11-20');
  await expect(page).toHaveURL(/from=2025-11-20/);
  // the list follows the URL a render later, in the same render as the map's markers: wait for the map to be drawn
  await waitForMap(page);
  const filtered = await eventIds(page);
  await page.locator('.filters input[name="places"]').click();
  await expect(page).toHaveURL(/places=1/);

  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await waitForMap(page);
  expect(await eventIds(page)).toEqual(filtered);
  await expect(page.locator('.filters input[name="from"]')).toHaveValue('2025-11-20');
  await expect(typeBoxes.first()).not.toBeChecked();
  await expect(page.locator('.filters input[name="places"]')).toBeChecked();
  watch.assertClean();
});

test('the map view is in the URL: a shared link opens at the same place and zoom', async ({ page }) => {
  await page.goto('/?view=37.8400,70.0500,9');
  await waitForMap(page);
  await page.locator('.leaflet-control-zoom-in').click();
  await expect(page).toHaveURL(/view=37\.8400,70\.0500,10/);
});

test('keyboard: arrow keys move through the list, Enter selects', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  const first = page.locator('.event-list button[data-event-id]').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = page.locator('.event-list button[data-event-id]').nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-pressed', 'true');
});

test('an event page shows every source and is printable', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await waitForMap(page);
  const id = (await eventIds(page))[0];
  await page.goto(`/events/${id}`);
  await expect(page.locator(`.event-details[data-event-id="${id}"]`)).toBeVisible();
  await expect(page.locator('.event-details blockquote').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.crumbs')).toBeHidden();
  watch.assertClean();
});

test('selecting another marker while a popup is open moves the selection, it does not clear it', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  const [a, b] = (await eventIds(page)).slice(-2);
  await page.locator(`.event-list button[data-event-id="${a}"]`).click();
  await expect(page.locator(`.leaflet-popup .popup[data-event-id="${a}"]`)).toBeVisible();
  await page.locator(`.leaflet-marker-icon[data-event-id="${b}"]`).click({ force: true });
  await expect(page).toHaveURL(new RegExp(`[?&]e=${b}`));
  await expect(page.locator(`.leaflet-popup .popup[data-event-id="${b}"]`)).toBeVisible();
  await expect(page.locator(`.event-list button[data-event-id="${b}"]`)).toHaveAttribute('aria-pressed', 'true');
});
