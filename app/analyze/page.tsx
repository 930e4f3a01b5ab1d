import type { Metadata } from 'next';
import { AppHeader } from '@/components/AppHeader';
import { Analyzer } from '@/components/Analyzer';
import { loadBrief } from '@/lib/brief';

export const metadata: Metadata = { title: 'Analyse an article — geobrief' };

/** Rendered per request, like the map page: its header counts the corpus, and prerendering it would read the whole corpus at build time. */
export const dynamic = 'force-dynamic';

export default function AnalyzePage() {
  const { view } = loadBrief();
  return (
    <main className="app">
      <AppHeader articles={view.articles.length} events={view.events.length} range={view.range} />
      <Analyzer />
    </main>
  );
}
