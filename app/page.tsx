import { Suspense } from 'react';
import { Brief } from '@/components/Brief';
import { AppHeader } from '@/components/AppHeader';
import { loadBrief } from '@/lib/brief';
import { corpusHash } from '@/lib/embed/corpus-hash';

export default function HomePage() {
  const { view } = loadBrief();
  return (
    <main className="app">
      <AppHeader articles={view.articles.length} events={view.events.length} range={view.range} />
      <Suspense fallback={<div className="brief" />}>
        <Brief view={view} corpus={corpusHash()} />
      </Suspense>
    </main>
  );
}
