// Issue 12: a hostile corpus (built in a temporary directory, never in data/articles/) served by a second
// server on this build; no script may run and no dialog open on any page. And GET / stays responsive
// while a worst-case extraction runs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const XSS = `<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=1;alert(2)"><svg onload="window.__pwned=1"><a href="javascript:window.__pwned=1">x</a>`;
const articles: Record<string, string> = {
  'h1.md': `---\npublished: 2025-05-05\ntitle: "${XSS.replace(/"/g, '\\"')}"\nurl: "javascript:alert(1)"\n---\nGunmen attacked the border post near Khorog on 3 May 2025, killing two soldiers. ${XSS}\n`,
  'h2.md': `---\npublished: 2025-05-06\nurl: "//other.site/x"\n---\nA drone struck a camp near Kulob on 4 May 2025, killing ${'9'.repeat(400)} people. \u202Eowt dellik\u202C\n`,
  'h3.md': `---\npublished: 2025-05-07\nurl: "data:text/html,<script>alert(1)</script>"\n---\nShots were fired at the Panj border post on 5 May 2025 <img src=x onerror=alert(3)>. ${'Khorog '.repeat(3000)}\n`,
};

let server: ChildProcess | null = null;
let dir = '';

test.describe('hostile corpus', () => {
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'geobrief-hostile-'));
    for (const [f, t] of Object.entries(articles)) fs.writeFileSync(path.join(dir, f), t);
    server = spawn('npx', ['next', 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
      env: { ...process.env, GEOBRIEF_ARTICLES_DIR: dir, NEXT_TELEMETRY_DISABLED: '1' },
      detached: true,
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${BASE}/`)).ok) break;
      } catch {}
      if (Date.now() > deadline) throw new Error('hostile server did not start');
      await new Promise((r) => setTimeout(r, 300));
    }
  });
  test.afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no script runs and no dialog opens on any page, embed and export included', async ({ page, request }) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const home = await (await request.get(`${BASE}/api/events.geojson`)).json();
    const ids: string[] = home.features.map((f: { properties: { id: string } }) => f.properties.id);
    expect(ids.length).toBeGreaterThan(0);
    const pages = ['/', '/embed', '/embed?static=1', '/analyze', ...Object.keys(articles).map((f) => `/sources/${f.replace('.md', '')}`), ...ids.map((id) => `/events/${id}`), ...ids.map((id) => `/embed?event=${id}`)];
    for (const p of pages) {
      await page.goto(`${BASE}${p}`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), p).toBeUndefined();
    }
    for (const p of ['/api/events.csv', '/api/events.kml', '/figures/map.svg']) {
      const r = await request.get(`${BASE}${p}`);
      expect(r.status(), p).toBe(200);
      expect(await r.text(), p).not.toMatch(/Infinity/);
    }
    expect(dialogs).toEqual([]);
    // Links from front matter: none of javascript:, data:, //other.site is rendered as a link.
    for (const f of Object.keys(articles)) {
      await page.goto(`${BASE}/sources/${f.replace('.md', '')}`);
      expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="//"]').count()).toBe(0);
    }
    await page.goto(`${BASE}/sources/h2`);
    await expect(page.locator('main')).toContainText('⟨U+202E⟩');
  });
});

test('every page carries the security headers and loads without CSP violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  for (const p of ['/', '/analyze', '/embed', '/events/nope']) {
    const r = await page.goto(p);
    const h = r!.headers();
    expect(h['content-security-policy'], p).toMatch(/script-src 'self' 'nonce-/);
    expect(h['x-content-type-options'], p).toBe('nosniff');
    expect(h['referrer-policy'], p).toBeTruthy();
    if (p !== '/embed') expect(h['content-security-policy'], p).toMatch(/frame-ancestors 'self'/);
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
  expect((await page.request.get('/events/%ZZ')).status()).toBe(400);
  expect((await page.request.get('/basemap/no-such-layer')).status()).toBe(404);
  const cross = await page.request.post('/api/extract', { headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, data: 'Khorog' });
  expect(cross.status()).toBe(403);
});

test('GET / answers within a second while a worst-case extraction runs', async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  const worst = fetch(`${baseURL}/api/extract`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Khorog border post attacked. '.repeat(3400).slice(0, 99_000) });
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    expect((await request.get('/')).status()).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1000);
  }
  expect([200, 503]).toContain((await worst).status);
});
