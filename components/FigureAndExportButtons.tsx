'use client';
import { useEffect, useRef, useState } from 'react';
import type { BriefState } from '@/lib/state/brief-state';
import { exportUrl, figureUrl } from '@/lib/figures/url';

const SIZES = [
  { id: 'slide', label: 'Slide 16:9 (1600 × 900)', width: 1600, height: 900 },
  { id: 'report', label: 'Report 4:3 (1200 × 900)', width: 1200, height: 900 },
  { id: 'portrait', label: 'Portrait (900 × 1200)', width: 900, height: 1200 },
] as const;

/**
 * "Download figure" (a dialog with a preview, SVG and PNG of the current view) and the data exports
 * of what is shown. `scope="event"` (the event page) exports only that event.
 */
export function FigureAndExportButtons({ state, scope = 'shown' }: { state: BriefState; scope?: 'shown' | 'event' }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [size, setSize] = useState<(typeof SIZES)[number]['id']>('slide');
  const [scale, setScale] = useState(2);
  const [title, setTitle] = useState('');
  const [previewTitle, setPreviewTitle] = useState('');
  const { width, height } = SIZES.find((s) => s.id === size)!;
  const opts = { width, height, title: title.trim() || undefined };

  // The preview is rendered on the server: wait for a pause in typing rather than render every keystroke.
  useEffect(
    function settlePreviewTitle() {
      const t = setTimeout(() => setPreviewTitle(title.trim()), 600);
      return () => clearTimeout(t);
    },
    [title],
  );

  return (
    <div className="figure-export" aria-label="Download figure and data">
      <button
        type="button"
        className="figure-open"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Download figure…
      </button>
      <span className="export-links">
        Data:{' '}
        <a href={exportUrl(state, 'csv', scope)} download data-export="csv">CSV</a> ·{' '}
        <a href={exportUrl(state, 'geojson', scope)} download data-export="geojson">GeoJSON</a> ·{' '}
        <a href={exportUrl(state, 'kml', scope)} download data-export="kml">KML</a>
      </span>
      <dialog ref={dialog} className="figure-dialog" aria-labelledby="figure-dialog-title" onClose={() => setOpen(false)}>
        <h2 id="figure-dialog-title">Download figure</h2>
        <p className="figure-note">The map as it is now (selection, filters, view), as a graphic for slides and reports. The same link always gives the same file.</p>
        {open && <img className="figure-preview" src={figureUrl(state, { ...opts, title: previewTitle || undefined, format: 'png', scale: 1 })} alt="Preview of the figure" width={width} height={height} />}
        <div className="figure-options">
          <label>
            Size{' '}
            <select value={size} onChange={(e) => setSize(e.target.value as typeof size)}>
              {SIZES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            PNG density{' '}
            <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
              <option value={1}>1× (screen)</option>
              <option value={2}>2× (slides, print)</option>
              <option value={3}>3×</option>
            </select>
          </label>
          <label className="figure-title-input">
            Title <input type="text" value={title} maxLength={200} placeholder="computed from what is shown" onChange={(e) => setTitle(e.target.value)} />
          </label>
        </div>
        <div className="figure-actions">
          <a href={figureUrl(state, { ...opts, format: 'png', scale, download: true })} download data-figure="png">
            Download PNG
          </a>
          <a href={figureUrl(state, { ...opts, format: 'svg', download: true })} download data-figure="svg">
            Download SVG
          </a>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </div>
  );
}
