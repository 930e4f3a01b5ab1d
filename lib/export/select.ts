import type { EventView } from '../present';
import { filterEvents, type BriefState } from '../state/brief-state';
import type { ParamResult } from '../figures/params';

/** "shown": what the map draws for the state (filters applied); "event": only the selected event. */
export type Scope = 'shown' | 'event';

export function parseScope(q: URLSearchParams): ParamResult<Scope> {
  const raw = q.get('scope');
  if (raw === null || raw === '' || raw === 'shown') return { ok: true, value: 'shown' };
  if (raw === 'event') return q.get('e') ? { ok: true, value: 'event' } : { ok: false, param: 'scope', message: 'scope=event needs an event id in e' };
  return { ok: false, param: 'scope', message: `scope must be "shown" or "event", got "${raw.slice(0, 40)}"` };
}

/**
 * The events behind a figure or an export: those the map shows for the state, or only the selected
 * one. A selected id that names no event is refused rather than ignored, so a mistyped link is noticed.
 *
 * @example
 * selectEvents(view.events, parseBriefState(new URLSearchParams('types=Battles')), 'shown')
 */
export function selectEvents(events: EventView[], state: BriefState, scope: Scope): ParamResult<EventView[]> {
  if (state.event && !events.some((e) => e.id === state.event)) {
    return { ok: false, param: 'e', message: `e: no event has the id "${state.event.slice(0, 80)}"` };
  }
  if (scope === 'event') return { ok: true, value: events.filter((e) => e.id === state.event) };
  return { ok: true, value: filterEvents(events, state) };
}
