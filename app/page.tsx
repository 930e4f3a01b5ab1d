import { Suspense } from 'react';
import { preload } from 'react-dom';
import { Brief } from '@/components/Brief';
import { AppHeader } from '@/components/AppHeader';
import { loadBrief } from '@/lib/brief';
import { corpusHash } from '@/lib/embed/corpus-hash';
import { mapDataPath } from '@/lib/present/summary';
import { BASEMAP_LAYER_NAMES, basemapPath } from '@/components/map/basemap-path';

/** Rendered per request (as the build found anyway): trying to prerender it ran the whole pipeline at build time, 60 s and more at 10,000 articles. */
export const dynamic = 'force-dynamic';

/**
 * The map page. Its HTML carries no events: the browser fetches them from a URL keyed by the corpus
 * hash (compressed, cached for a year), preloaded here so the download starts with the page; so are the
 * basemap layers, which the map would otherwise ask for only once its own script has loaded and run.
 */
export default function HomePage() {
  const { view } = loadBrief();
  const corpus = corpusHash();
  preload(mapDataPath(corpus), { as: 'fetch', crossOrigin: 'anonymous' });
  for (const layer of BASEMAP_LAYER_NAMES) preload(basemapPath(layer), { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <main className="app">
      <AppHeader articles={view.articles.length} events={view.events.length} range={view.range} />
      <Suspense fallback={<div className="brief" />}>
        <Brief corpus={corpus} />
      </Suspense>
    </main>
  );
}
