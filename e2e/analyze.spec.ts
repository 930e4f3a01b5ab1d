import { test, expect } from '@playwright/test';
import { waitForMap, watchPage } from './helpers';

const ARTICLE = `KHOROG -- Gunmen fired on a Tajik border patrol near Rushan in Gorno-Badakhshan late on Friday, wounding two guards, the border service said. The shots came from the Afghan side of the Panj.`;

test('a pasted article shows its events and places on the map before it joins the corpus', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/analyze');
  await waitForMap(page);
  await page.getByLabel(/Article text/).fill(ARTICLE);
  await page.getByLabel('Published').fill('2025-09-14');
  await page.getByRole('button', { name: 'Analyse' }).click();
  const item = page.locator('.event-list button[data-event-id]').first();
  // the first extraction starts the worker: seconds on a loaded machine
  await expect(item).toContainText('12 Sep 2025', { timeout: 20_000 });
  const id = (await item.getAttribute('data-event-id'))!;
  await expect(page.locator(`.leaflet-marker-icon[data-event-id="${id}"]`)).toHaveCount(1);
  await expect(page.locator('.places-list')).toContainText('Gorno-Badakhshan');
  // Its popup quotes the article (the details come from the analysis itself, not from the corpus's data).
  await page.locator(`.leaflet-marker-icon[data-event-id="${id}"]`).click();
  await expect(page.locator(`.leaflet-popup .popup[data-event-id="${id}"] .excerpt`)).toContainText(/border patrol/);
  watch.assertClean();
});

test('bad input is answered with a message, never a 500', async ({ page, request }) => {
  await page.goto('/analyze');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.locator('p.error[role="alert"]')).toContainText('"text" is empty');

  for (const [body, type, status] of [
    ['{"text": "x", "published": "2025-13-01"}', 'application/json', 400],
    ['{not json', 'application/json', 400],
    ['<xml/>', 'application/xml', 415],
    [JSON.stringify({ text: 'a'.repeat(100_001) }), 'application/json', 413],
  ] as const) {
    for (const url of ['/api/extract', '/api/analyze']) {
      const res = await request.post(url, { data: body, headers: { 'content-type': type } });
      expect(res.status(), `${url} ${body.slice(0, 30)}`).toBe(status);
      expect((await res.json()).error).toBeTruthy();
    }
  }
});

test('the page says what it does and keeps, and offers an example that finds an event', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/analyze');
  await waitForMap(page);
  await expect(page.getByRole('heading', { name: 'Analyse an article' })).toBeVisible();
  await expect(page.locator('.analyze-intro').first()).toContainText('kept nowhere');
  await page.getByRole('button', { name: 'Try an example' }).click();
  await expect(page.getByLabel(/Article text/)).toHaveValue(/Ishkashim/);
  await expect(page.getByLabel('Published')).toHaveValue('2025-03-09');
  await page.getByRole('button', { name: 'Analyse' }).click();
  const item = page.locator('.event-list button[data-event-id]').first();
  await expect(item).toContainText('2025', { timeout: 20_000 });
  await expect(item).toContainText('2 injured');
  watch.assertClean();
});

test('dates are typed and shown as YYYY-MM-DD whatever the locale; a wrong one is named, not sent', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await waitForMap(page);
  const from = page.locator('.filters input[name="from"]');
  await expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await from.fill('11/20/2025');
  await expect(page.locator('.filters .field-error')).toContainText('YYYY-MM-DD');
  expect(await from.evaluate((el: HTMLInputElement) => el.validationMessage)).toMatch(/YYYY-MM-DD/);
  await expect(page).not.toHaveURL(/from=/);
  await from.fill('2025-11-20');
  await expect(page).toHaveURL(/from=2025-11-20/);
  await expect(from).toHaveValue('2025-11-20');
  await expect(page.locator('.filters .field-error')).toHaveCount(0);
  await context.close();
});
