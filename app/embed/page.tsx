import type { Metadata } from 'next';
import { Legend } from '@/components/Legend';
import { EmbedMap } from '@/components/embed/EmbedMap';
import { EmbedHeight } from '@/components/embed/EmbedHeight';
import { loadBrief } from '@/lib/brief';
import { corpusHash } from '@/lib/embed/corpus-hash';
import { embedModel } from '@/lib/embed/model';
import { mapDataPath } from '@/lib/present/summary';
import { preload } from 'react-dom';
import './embed.css';

export const metadata: Metadata = {
  title: 'geobrief map',
  robots: { index: false },
};

/** A notice echoes what it ignored, but not a pasted essay. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The map alone, for an iframe on another site and for screenshot checks; options in the query (README: Embedding). */
export default async function EmbedPage({ searchParams }: Props) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) for (const x of Array.isArray(v) ? v : [v ?? '']) query.append(k, x);
  const { view } = loadBrief();
  const m = embedModel(view, query);
  const o = m.options;
  // The events come as the same corpus-hashed data as the map page's (cached once for both), not in this HTML.
  preload(mapDataPath(corpusHash()), { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <div className={`embed${o.static ? ' embed-static' : ''}${o.legend ? '' : ' embed-no-legend'}`} data-theme={o.theme}>
      {o.title && (
        <h1 className="embed-title" data-embed-chrome="">
          {o.title}
        </h1>
      )}
      {m.ignored.length > 0 && (
        <p className="embed-notice" data-embed-chrome="" role="note">
          Ignored: {m.ignored.map((i) => `${clip(i.param)}=${clip(i.value)} (${i.reason})`).join('; ')}
        </p>
      )}
      <div className="embed-main">
        <div className="embed-map">
          <EmbedMap options={o} fit={m.fit} corpus={corpusHash()} />
          <noscript>
            <p className="embed-noscript">
              The map needs JavaScript. <a href={m.permalink}>Open this view on geobrief</a>.
            </p>
          </noscript>
        </div>
        {o.legend && (
          <div className="embed-legend" data-embed-chrome="">
            <Legend />
          </div>
        )}
      </div>
      {o.note && (
        <p className="embed-note" data-embed-chrome="">
          {o.note}
        </p>
      )}
      <footer className="embed-credit" data-embed-chrome="">
        <span>
          <strong>geobrief</strong> · {m.events.length === m.total ? `${m.total} events` : `${m.events.length} of ${m.total} events`} from news reports
        </span>
        <span className="embed-credit-links">
          {!o.static && (
            <a href={`/figures/map.png${m.permalink.slice(1)}${m.permalink.includes('?') ? '&' : '?'}download=1`} target="_blank" rel="noopener">
              Figure (PNG)
            </a>
          )}
          <a href={m.permalink} target="_blank" rel="noopener">
            Full map and sources ↗
          </a>
        </span>
      </footer>
      <EmbedHeight />
    </div>
  );
}
