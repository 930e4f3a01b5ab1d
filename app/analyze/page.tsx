import type { Metadata } from 'next';
import { AppHeader } from '@/components/AppHeader';
import { Analyzer } from '@/components/Analyzer';
import { loadBrief } from '@/lib/brief';
import { warmUp } from '@/lib/api/off-thread';

export const metadata: Metadata = { title: 'Analyse an article — geobrief' };

export default function AnalyzePage() {
  // The extraction worker starts loading while the analyst pastes an article, not at the first Analyse.
  warmUp();
  const { view } = loadBrief();
  return (
    <main className="app">
      <AppHeader articles={view.articles.length} events={view.events.length} range={view.range} />
      <Analyzer />
    </main>
  );
}
