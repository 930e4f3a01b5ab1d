import MapView from '@/components/MapView';
import { loadCorpus } from '@/lib/corpus';

export default function HomePage() {
  const articles = loadCorpus();
  return (
    <main className="app">
      <header className="app-header">
        <h1>geobrief · Tajikistan–Afghanistan border</h1>
        <p>Attacks reported in {articles.length} articles, late 2025. Runs offline.</p>
      </header>
      <section className="map-frame" aria-label="Map of the Tajikistan–Afghanistan border">
        <MapView />
      </section>
    </main>
  );
}
