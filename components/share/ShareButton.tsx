'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import type { EventSummary } from '@/lib/present/summary';
import { parseBriefState, serializeBriefState } from '@/lib/state/brief-state';
import { DEFAULT_EMBED, embedOptionsFromBrief, serializeEmbedOptions, type EmbedTheme } from '@/lib/embed/options';
import { embedSnippet, HEIGHT_MESSAGE } from '@/lib/embed/snippet';
import './share.css';

interface Choices {
  keepView: boolean;
  theme: EmbedTheme;
  legend: boolean;
  controls: boolean;
  interactive: boolean;
  static: boolean;
  title: string;
  note: string;
}

const INITIAL: Choices = { keepView: true, theme: 'light', legend: true, controls: true, interactive: true, static: false, title: '', note: '' };

/** "Share": the permalink and an embed snippet for exactly what is on screen, with the embed's options and a live preview. */
export function ShareButton({ events }: { events: EventSummary[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Share
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-heading" onClose={() => setOpen(false)}>
        {open && <ShareDialogBody events={events} onClose={() => dialog.current?.close()} />}
      </dialog>
    </>
  );
}

function ShareDialogBody({ events, onClose }: { events: EventSummary[]; onClose: () => void }) {
  const params = useSearchParams();
  const state = useMemo(() => parseBriefState(new URLSearchParams(params.toString())), [params]);
  const [c, setC] = useState<Choices>(INITIAL);
  const set = (patch: Partial<Choices>) => setC((x) => ({ ...x, ...patch }));
  const origin = window.location.origin;

  const selected = events.find((e) => e.id === state.event);
  const frameTitle = `Map: ${c.title.trim() || (selected ? `${selected.subEventType || selected.eventType}, ${selected.dateText}, ${selected.location}` : 'attacks on the Tajikistan–Afghanistan border')}`;
  const briefQuery = serializeBriefState(state);
  const permalink = `${origin}/${briefQuery ? `?${briefQuery}` : ''}`;
  const embedQuery = serializeEmbedOptions(
    embedOptionsFromBrief(c.keepView ? state : { ...state, view: null }, {
      theme: c.theme,
      legend: c.legend,
      controls: c.static ? DEFAULT_EMBED.controls : c.controls,
      interactive: c.static ? DEFAULT_EMBED.interactive : c.interactive,
      static: c.static,
      title: c.title.trim() || null,
      note: c.note.trim() || null,
    }),
  );
  const snippet = embedSnippet({ origin, embedQuery, briefQuery, title: frameTitle });

  // Typing a caption should not reload the preview at every key.
  const [previewQuery, setPreviewQuery] = useState(embedQuery);
  useEffect(() => {
    const t = setTimeout(() => setPreviewQuery(embedQuery), 350);
    return () => clearTimeout(t);
  }, [embedQuery]);

  return (
    <div className="share-body">
      <header className="share-head">
        <h2 id="share-heading">Share this view</h2>
        <button type="button" className="share-close" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <p className="share-what">
        {selected ? `Selected: ${selected.subEventType || selected.eventType}, ${selected.dateText}, ${selected.location}.` : 'No event selected.'}{' '}
        {state.from || state.to || state.types.length || state.nationality ? 'Filters as on the map.' : 'No filters.'}
      </p>

      <CopyField label="Link" name="permalink" value={permalink} />

      <fieldset className="share-options">
        <legend>Embed options</legend>
        <label>
          <input type="checkbox" name="keepView" checked={c.keepView} disabled={!state.view} onChange={(e) => set({ keepView: e.target.checked })} /> this map view
          {!state.view && <span className="share-hint"> (not moved yet: the embed fits the events)</span>}
        </label>
        <label>
          Theme{' '}
          <select name="theme" value={c.theme} onChange={(e) => set({ theme: e.target.value as EmbedTheme })}>
            <option value="light">light</option>
            <option value="dark">dark</option>
            <option value="auto">reader’s setting</option>
          </select>
        </label>
        <label>
          <input type="checkbox" name="legend" checked={c.legend} onChange={(e) => set({ legend: e.target.checked })} /> legend
        </label>
        <label>
          <input type="checkbox" name="controls" checked={c.controls && !c.static} disabled={c.static} onChange={(e) => set({ controls: e.target.checked })} /> zoom buttons
        </label>
        <label>
          <input type="checkbox" name="interactive" checked={c.interactive && !c.static} disabled={c.static} onChange={(e) => set({ interactive: e.target.checked })} /> pan and zoom
        </label>
        <label>
          <input type="checkbox" name="static" checked={c.static} onChange={(e) => set({ static: e.target.checked })} /> static (print, screenshots)
        </label>
        <label className="share-wide">
          Title <input type="text" name="title" maxLength={120} value={c.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label className="share-wide">
          Note <input type="text" name="note" maxLength={280} value={c.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
      </fieldset>

      <CopyField label="Embed code" name="snippet" value={snippet} multiline />

      <Preview query={previewQuery} title={frameTitle} />
    </div>
  );
}

function CopyField({ label, name, value, multiline = false }: { label: string; name: string; value: string; multiline?: boolean }) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [value]);
  async function copy() {
    const el = ref.current;
    if (!el) return;
    el.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard API needs a secure context; the selection plus the old command still works on plain http.
      document.execCommand('copy');
    }
    setCopied(true);
  }
  const id = `share-${name}`;
  return (
    <div className="share-copy">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} ref={ref} name={name} readOnly value={value} rows={5} onFocus={(e) => e.currentTarget.select()} />
      ) : (
        <input id={id} ref={ref} name={name} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      )}
      <button type="button" onClick={copy} data-copy={name}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? `${label} copied` : ''}
      </span>
    </div>
  );
}

/** The embed as a host page would show it: sized by the same height message the loader uses. */
function Preview({ query, title }: { query: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  useEffect(function followHeight() {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.current?.contentWindow || e.origin !== window.location.origin) return;
      if (e.data?.type === HEIGHT_MESSAGE && typeof e.data.height === 'number') setHeight(Math.min(900, Math.ceil(e.data.height)));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  return (
    <figure className="share-preview">
      <figcaption>Preview</figcaption>
      <iframe ref={frame} src={`/embed${query ? `?${query}` : ''}`} title={`Preview: ${title}`} style={height ? { height } : undefined} />
    </figure>
  );
}
