import { Suspense } from 'react';
import { Brief } from '@/components/Brief';
import { AppHeader } from '@/components/AppHeader';
import { loadCorpus } from '@/lib/corpus';
import { presentBrief } from '@/lib/present';

export default function HomePage() {
  const articles = loadCorpus();
  // The extraction pipeline is not wired in yet: the map shows the corpus with no events.
  const view = presentBrief({ type: 'FeatureCollection', features: [] }, articles);
  return (
    <main className="app">
      <AppHeader articles={view.articles.length} events={view.events.length} />
      <Suspense fallback={<div className="brief" />}>
        <Brief view={view} />
      </Suspense>
    </main>
  );
}
