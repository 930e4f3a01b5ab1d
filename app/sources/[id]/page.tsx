import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadBrief } from '@/lib/brief';
import { segmentBody } from '@/lib/present/segments';
import { safeHref } from '@/lib/safe-href';
import { visibleText } from '@/lib/visible-text';
import type { EventProperties, PlaceProperties } from '@/lib/types';

type Props = { params: Promise<{ id: string }> };

/** One article as received, with its place names and the sentences behind each event highlighted. */
export default async function SourcePage({ params }: Props) {
  const { id } = await params;
  const { articles, collection, view } = loadBrief();
  const article = articles.find((a) => a.id === id);
  if (!article) notFound();
  const meta = view.articles.find((a) => a.id === id)!;

  const excerpts = collection.features.flatMap((f) => {
    const p = f.properties as EventProperties;
    if (p.kind !== 'event') return [];
    return p.sources.filter((s) => s.article === id).flatMap((s) => s.excerpts.map((e) => ({ start: e.start, end: e.end, event: p.id })));
  });
  const placeNames = new Map<string, string>();
  const places = collection.features.flatMap((f) => {
    const p = f.properties as PlaceProperties;
    if (p.kind !== 'place') return [];
    placeNames.set(p.id, `${p.name}${p.admin1 && p.admin1 !== p.name ? `, ${p.admin1}` : ''} (${p.country})`);
    return p.mentions.filter((m) => m.article === id).map((m) => ({ start: m.start, end: m.end, place: p.id }));
  });
  const eventLabels = new Map(view.events.map((e) => [e.id, e.label]));
  const segments = segmentBody(article.body, excerpts, places);

  return (
    <main className="page source-page">
      <nav className="crumbs">
        <Link href="/">← the map</Link>
      </nav>
      <h2>{meta.title}</h2>
      <p className="precision">
        Article <code>{article.id}</code> · published {article.published ?? 'unknown'}
        {article.publishedBasis && ` (${article.publishedBasis})`}
        {safeHref(article.url) && (
          <>
            {' · '}
            <a href={safeHref(article.url)!} rel="noopener noreferrer">original</a>
          </>
        )}
      </p>
      <p className="legend-inline">
        <mark className="place-mark">place name</mark> <span className="incident">sentence an event is built on</span>
      </p>
      <div className="article-body">
        {segments.map((s) => {
          let node: React.ReactNode = visibleText(s.text);
          if (s.place) {
            node = (
              <mark className="place-mark" data-place-id={s.place} title={placeNames.get(s.place)}>
                {node}
              </mark>
            );
          }
          if (s.events.length) {
            node = (
              <span className="incident" data-event-ids={s.events.join(' ')}>
                {node}
              </span>
            );
          }
          return (
            <span key={s.start}>
              {s.excerptStarts.map((e, i) => (
                <Link key={e} id={i === 0 ? `c${s.start}` : undefined} href={`/?e=${e}`} className="to-map" title={eventLabels.get(e)} data-event-id={e}>
                  ◆ map
                </Link>
              ))}
              {node}
            </span>
          );
        })}
      </div>
    </main>
  );
}
