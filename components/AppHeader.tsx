import Link from 'next/link';

export function AppHeader({ articles, events, range }: { articles: number; events: number; range?: string }) {
  return (
    <header className="app-header">
      <h1>
        <Link href="/">geobrief</Link> · attacks on the Tajikistan–Afghanistan border
      </h1>
      <p>
        {events} event{events === 1 ? '' : 's'} from {articles} news article{articles === 1 ? '' : 's'}{range ? `, ${range}` : ''} · every fact quoted from its source ·{' '}
        <Link href="/analyze">analyse an article</Link>
      </p>
    </header>
  );
}
