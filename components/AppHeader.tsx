import Link from 'next/link';

export function AppHeader({ articles, events }: { articles: number; events: number }) {
  return (
    <header className="app-header">
      <h1>
        <Link href="/">geobrief</Link> · attacks on the Tajikistan–Afghanistan border
      </h1>
      <p>
        {events} events from {articles} news articles, late 2025 · every fact quoted from its source ·{' '}
        <Link href="/analyze">analyse an article</Link>
      </p>
    </header>
  );
}
