'use client';
import { memo, useMemo } from 'react';
import type { EventSummary } from '@/lib/present/summary';
import type { BriefState } from '@/lib/state/brief-state';
import { Timeline } from './Timeline';
import { IsoDateInput } from './IsoDateInput';
import { symbolFor } from './symbols';
import { stage } from './data/stages';

interface Props {
  events: EventSummary[];
  state: BriefState;
  onChange: (patch: Partial<BriefState>) => void;
}

/**
 * Date range (with a timeline), incident type, victims' nationality, and the places layer. Memoised: a pan
 * or zoom changes none of its props, so it does not re-render (the timeline alone was most of a move at 10k).
 */
export const Filters = memo(function Filters({ events, state, onChange }: Props) {
  const types = useMemo(() => stage('filter-types', () => [...new Set(events.map((e) => e.eventType))].sort()), [events]);
  const nationalities = useMemo(() => stage('filter-nationalities', () => [...new Set(events.flatMap((e) => e.nationalities))].sort()), [events]);
  const toggleType = (t: string) => {
    const shown = state.types.length ? state.types : types;
    const next = shown.includes(t) ? shown.filter((x) => x !== t) : [...shown, t];
    onChange({ types: next.length === types.length ? [] : next, event: null });
  };
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Timeline events={events} from={state.from} to={state.to} onChange={onChange} />
      <fieldset className="dates">
        <legend>Dates</legend>
        <IsoDateInput label="from" name="from" value={state.from} onChange={(from) => onChange({ from })} />
        <IsoDateInput label="to" name="to" value={state.to} onChange={(to) => onChange({ to })} />
      </fieldset>
      <fieldset className="types">
        <legend>Incident type</legend>
        {types.map((t) => (
          <label key={t}>
            <input type="checkbox" name="type" value={t} checked={state.types.length === 0 || state.types.includes(t)} onChange={() => toggleType(t)} />
            <span className="type-swatch" style={{ background: symbolFor(t).color }} aria-hidden="true" /> {symbolFor(t).label}
          </label>
        ))}
      </fieldset>
      <fieldset className="more">
        <label>
          Victims{' '}
          <select name="nationality" value={state.nationality ?? ''} onChange={(e) => onChange({ nationality: e.target.value || null, event: null })}>
            <option value="">any nationality</option>
            {nationalities.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="places" checked={state.places} onChange={(e) => onChange({ places: e.target.checked })} /> other places named
        </label>
      </fieldset>
    </form>
  );
});
