import Link from 'next/link';
import { Quote } from './Quote';
import type { EventView } from '@/lib/present';
import { Excerpt } from './Excerpt';
import { symbolFor } from './symbols';

/** Everything known about one event, with who says so. Renders on the server (event page) and in the side panel. */
export function EventDetails({ event, headingLevel = 2 }: { event: EventView; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const S = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <article className="event-details" data-event-id={event.id}>
      <H>
        <span className="type-swatch" style={{ background: symbolFor(event.eventType).color }} aria-hidden="true" />
        {event.subEventType || event.eventType}
      </H>
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {event.dateText} <span className="precision">({event.timePrecisionText})</span>
        </dd>
        <dt>Where</dt>
        <dd>
          {event.placeText}
          <div className="precision">
            Location precision {event.geoPrecision}: {event.geoPrecisionText}
          </div>
          <div className="precision">{event.borderText}</div>
        </dd>
        <dt>Type</dt>
        <dd>
          {event.eventType} / {event.subEventType}
        </dd>
        <dt>Killed</dt>
        <dd>{event.fatalitiesText}</dd>
        <dt>Injured</dt>
        <dd>{event.injuredText}</dd>
        {event.victims.length > 0 && (
          <>
            <dt>Victims</dt>
            <dd>{event.victims.join('; ')}</dd>
          </>
        )}
        {event.weapon && (
          <>
            <dt>Weapon</dt>
            <dd>{event.weapon}</dd>
          </>
        )}
        {event.origin && (
          <>
            <dt>From</dt>
            <dd>{event.origin}</dd>
          </>
        )}
      </dl>

      {event.disagreements.length > 0 && (
        <section className="disagreements">
          <S>Where the sources disagree</S>
          {event.disagreements.map((d) => (
            <table key={d.field} className="disagreement">
              <caption>{d.field}</caption>
              <tbody>
                <tr>
                  {d.claims.map((c, i) => (
                    <td key={i}>
                      <strong>{c.value}</strong>
                      <div className="claim-source">
                        <Link href={`/sources/${c.article}?e=${event.id}`}>{c.article}</Link>
                      </div>
                      {c.excerpt && (
                        <q className="excerpt">
                          <Quote>{c.excerpt}</Quote>
                        </q>
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          ))}
        </section>
      )}

      <section className="sources">
        <S>
          Sources ({event.sources.length} article{event.sources.length === 1 ? '' : 's'})
        </S>
        {event.sources.map((s) => (
          <div key={s.article} className="source">
            <div className="source-head">
              <Link href={`/sources/${s.article}?e=${event.id}`} className="source-link">
                {s.title}
              </Link>{' '}
              <span className="precision">{s.published ? `published ${s.published}` : 'date unknown'}</span>
            </div>
            {s.excerpts.map((e) => (
              <blockquote key={e.start} cite={`/sources/${s.article}#c${e.start}`}>
                <Excerpt excerpt={e} />{' '}
                <Link className="excerpt-link" href={`/sources/${s.article}?e=${event.id}#c${e.start}`}>
                  in context
                </Link>
              </blockquote>
            ))}
          </div>
        ))}
      </section>
    </article>
  );
}
