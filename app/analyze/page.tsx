import type { Metadata } from 'next';
import { AppHeader } from '@/components/AppHeader';
import { Analyzer } from '@/components/Analyzer';
import { loadBrief } from '@/lib/brief';

export const metadata: Metadata = { title: 'Analyse an article — geobrief' };

export default function AnalyzePage() {
  const { view } = loadBrief();
  return (
    <main className="app">
      <AppHeader articles={view.articles.length} events={view.events.length} range={view.range} />
      <Analyzer />
    </main>
  );
}
