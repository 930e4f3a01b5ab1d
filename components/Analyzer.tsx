'use client';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { BriefView } from '@/lib/present';
import { summarizeEvent } from '@/lib/present/summary';
import MapView from './MapView';
import { EventList } from './EventList';
import { EventDetails } from './EventDetails';
import { Legend } from './Legend';
import { IsoDateInput } from './IsoDateInput';

/**
 * An invented report, written for this page (not taken from any outlet), that exercises what the
 * analyser reads: a dateline, a relative day, a casualty count, a town and the river. One paragraph per
 * line: a line break inside a sentence splits it for the extractor.
 */
export const EXAMPLE_ARTICLE = [
  'KHOROG, 9 March 2025 — Men on the Afghan bank of the Panj fired on a Tajik patrol near Ishkashim in Gorno-Badakhshan late on Saturday, wounding two border guards, the border service said on Sunday.',
  'The patrol returned fire and the shooting stopped within half an hour, according to the statement. The service did not say who the attackers were.',
].join('\n\n');
const EXAMPLE_PUBLISHED = '2025-03-09';

/** Paste an article, see its places and events on the map before it joins the corpus. Nothing is saved. */
export function Analyzer() {
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [view, setView] = useState<BriefView | null>(null);
  const summaries = useMemo(() => view?.events.map(summarizeEvent) ?? [], [view]);
  // The popups read the analysed events' details from here: they are all in the answer already.
  const details = useCallback(async (id: string) => {
    const event = view?.events.find((e) => e.id === id);
    if (!event) throw new Error(`no event with id "${id}" in this analysis`);
    return event;
  }, [view]);
  const [setAside, setSetAside] = useState<{ undated: number; unlocated: number }>({ undated: 0, unlocated: 0 });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);

  async function analyze(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/analyze', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, published: published || undefined }),
      });
      const body = await res.json().catch(() => ({ error: `the server answered HTTP ${res.status} with no message` }));
      if (!res.ok) {
        setError(body.error ?? `HTTP ${res.status}`);
        setView(null);
      } else {
        setView(body.view as BriefView);
        setSetAside({ undated: body.collection.undatedEvents?.length ?? 0, unlocated: body.collection.unlocatedEvents?.length ?? 0 });
        setSelectedId(null);
      }
    } catch (err) {
      setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  const selected = view?.events.find((e) => e.id === selectedId) ?? null;
  return (
    <div className="brief">
      <aside className="sidebar" aria-label="Article to analyse">
        <h2 className="analyze-heading">Analyse an article</h2>
        <p className="analyze-intro">
          Paste a news report about the border. geobrief finds the places it names, the attacks it reports (when, where, how
          many killed and injured) and the sentences that say so, and draws them on the map, the way the articles in the
          corpus are drawn. The text is read on this server and <strong>kept nowhere</strong>: nothing is saved, logged or
          added to the map for anyone else. To keep a report, add it as a file to <code>data/articles/</code>.
        </p>
        <p className="analyze-intro">
          <button
            type="button"
            className="example-button"
            onClick={() => {
              setText(EXAMPLE_ARTICLE);
              setPublished(EXAMPLE_PUBLISHED);
            }}
          >
            Try an example
          </button>{' '}
          (an invented report, written for this page)
        </p>
        <form className="analyze-form" onSubmit={analyze}>
          <label htmlFor="article-text">Article text (Markdown or plain text; optional YAML front matter)</label>
          <textarea id="article-text" name="text" rows={12} value={text} onChange={(e) => setText(e.target.value)} />
          <IsoDateInput label="Published" name="published" value={published || null} onChange={(d) => setPublished(d ?? '')} />
          <button type="submit" disabled={busy}>
            {busy ? 'Analysing…' : 'Analyse'}
          </button>
        </form>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {view && (
          <>
            <p className="precision">
              {view.places.length} places and {view.events.length} events found. Nothing is saved: add the file to data/articles/ to keep it.
            </p>
            {setAside.undated > 0 && (
              <p className="error">
                {setAside.undated} event{setAside.undated === 1 ? '' : 's'} could not be dated: the text dates {setAside.undated === 1 ? 'it' : 'them'} relative to
                publication (“on Monday”, “last week”). Give the published date to place {setAside.undated === 1 ? 'it' : 'them'} on the map.
              </p>
            )}
            {setAside.unlocated > 0 && (
              <p className="error">
                {setAside.unlocated} event{setAside.unlocated === 1 ? '' : 's'} could not be located from the text and {setAside.unlocated === 1 ? 'is' : 'are'} not drawn.
              </p>
            )}
            <EventList events={summaries} total={view.events.length} selectedId={selectedId} hoveredId={hoveredId} onSelect={setSelectedId} onHover={setHoveredId} />
            {selected && (
              <section className="panel" aria-label="Selected event">
                <EventDetails event={selected} headingLevel={2} />
              </section>
            )}
            <h2 className="places-heading">Places named</h2>
            <ul className="places-list">
              {view.places.map((p) => (
                <li key={p.id} data-place-id={p.id}>
                  {p.name} ({p.country}{p.admin1 && p.admin1 !== p.name ? `, ${p.admin1}` : ''}) · precision {p.geoPrecision}
                  {p.governmentOnly ? ' · named as a government' : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
      <section className="map-frame" aria-label="Map of the analysed article">
        <MapView
          events={summaries}
          places={view?.places ?? []}
          showPlaces={true}
          selectedId={selectedId}
          hoveredId={hoveredId}
          onSelect={setSelectedId}
          onHover={setHoveredId}
          view={null}
          onViewChange={() => undefined}
          details={details}
        />
        <Legend />
      </section>
    </div>
  );
}
