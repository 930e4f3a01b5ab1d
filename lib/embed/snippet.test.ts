import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSnippet, noscriptFallback } from './snippet';
import { boundsOfEvents } from './bounds';

test('the snippet: a titled, marked iframe, the loader, and a noscript figure of the same view linked to it', () => {
  const s = embedSnippet({ origin: 'https://g.example', embedQuery: 'event=ev-1&title=A+%22quoted%22', briefQuery: 'e=ev-1', title: 'Drone strike <near> "Panj"' });
  const [iframe, script, noscript] = s.split('\n');
  assert.match(iframe, /^<iframe data-geobrief src="https:\/\/g\.example\/embed\?event=ev-1&#38;title=A\+%22quoted%22" title="Drone strike &#60;near&#62; &#34;Panj&#34;"/);
  assert.match(iframe, /aspect-ratio:3 \/ 2/);
  assert.equal(script, '<script src="https://g.example/embed.js" async></script>');
  assert.equal(noscript, noscriptFallback('https://g.example/?e=ev-1', 'Drone strike <near> "Panj"', 'https://g.example/figures/map.png?e=ev-1&width=1200&height=800'));
  assert.match(noscript, /^<noscript><a href="https:\/\/g\.example\/\?e=ev-1"><img src="https:\/\/g\.example\/figures\/map\.png\?e=ev-1&#38;width=1200&#38;height=800" alt="Drone strike &#60;near&#62; &#34;Panj&#34;" width="1200" height="800"/);
});

test('no query: plain /embed and the bare main page', () => {
  const s = embedSnippet({ origin: 'http://localhost:3000', embedQuery: '', briefQuery: '', title: 't' });
  assert.match(s, /src="http:\/\/localhost:3000\/embed"/);
  assert.match(s, /href="http:\/\/localhost:3000\/"/);
});

test('bounds cover the points and their uncertainty areas', () => {
  assert.equal(boundsOfEvents([]), null);
  assert.deepEqual(
    boundsOfEvents([
      { coordinates: [69.5, 37.6], uncertainty: null },
      { coordinates: [70, 37], uncertainty: { type: 'Polygon', coordinates: [[[69.8, 36.9], [70.2, 36.9], [70.2, 37.2], [69.8, 36.9]]] } },
    ]),
    [69.5, 36.9, 70.2, 37.6],
  );
});

test('frame-ancestors for /embed: unset is any; listed origins plus the app itself; junk dropped, never widened', async () => {
  const { embedFrameAncestors } = await import('./frame-ancestors');
  assert.deepEqual(embedFrameAncestors(undefined), { header: null, rejected: [] });
  assert.deepEqual(embedFrameAncestors('  '), { header: null, rejected: [] });
  assert.deepEqual(embedFrameAncestors('https://news.example, https://*.intranet.example http://127.0.0.1:8080'), {
    header: "frame-ancestors 'self' https://news.example https://*.intranet.example http://127.0.0.1:8080",
    rejected: [],
  });
  // A semicolon would start another directive: such an entry is dropped, the rest still restrict.
  assert.deepEqual(embedFrameAncestors("https://a.example;script-src https://b.example 'unsafe-inline'"), {
    header: "frame-ancestors 'self' https://b.example",
    rejected: ['https://a.example;script-src', "'unsafe-inline'"],
  });
  assert.equal(embedFrameAncestors('not a url/with/path').header, "frame-ancestors 'self' not a");
});
