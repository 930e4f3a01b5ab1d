import Link from 'next/link';
import { Quote } from './Quote';
import type { ClaimView, EventView } from '@/lib/present';
import { Excerpt } from './Excerpt';
import { symbolFor } from './symbols';

/** Everything known about one event, with who says so. Renders on the server (event page) and in the side panel. */
export function EventDetails({ event, headingLevel = 2 }: { event: EventView; headingLevel?: 2 | 3 }) {
  const titleOf = (article: string) => event.sources.find((s) => s.article === article)?.title ?? article;
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
        <dt>Victims</dt>
        <dd>
          {event.nationalities.length ? event.nationalities.join(', ') : 'nationality not reported'}
          {event.employers.length > 0 && <div>working for {event.employers.join(', ')}</div>}
          {event.targets.length > 0 && <div className="precision">target: {event.targets.join(', ')}</div>}
        </dd>
        <dt>Weapon</dt>
        <dd>{event.weapons.length ? event.weapons.join(', ') : 'not reported'}</dd>
        <dt>From</dt>
        <dd>{event.origins.length ? <ClaimList claims={event.origins} eventId={event.id} /> : 'not reported'}</dd>
        {event.actors.length > 0 && (
          <>
            <dt>Who</dt>
            <dd>
              <ClaimList claims={event.actors} eventId={event.id} />
            </dd>
          </>
        )}
      </dl>
      <p className="precision basis">
        Date: {event.dateBasis}. Place: {event.locationNote}
        {event.placeSource ? ` (from ${event.placeSource.article})` : ''}.
      </p>

      {event.aggregates.length > 0 && (
        <section className="aggregates">
          <S>Counted with other incidents</S>
          {event.aggregates.map((a, i) => (
            <div key={i} className="claim">
              <div>{a.text}</div>
              <q className="excerpt">{a.excerpt}</q>{' '}
              <Link className="claim-source" href={`/sources/${a.article}?e=${event.id}`}>
                {a.article}
              </Link>
            </div>
          ))}
        </section>
      )}

      {event.disagreements.length > 0 && (
        <section className="disagreements">
          <S>Where the sources disagree</S>
          {event.disagreements.map((d) => (
            <section key={d.field} className="disagreement" aria-label={`${d.field}: the sources disagree`}>
              <div className="disagreement-field">{d.field}</div>
              <ol className="claims">
                {d.claims.map((c, i) => (
                  <li key={i} className="claim">
                    <strong className="claim-value">{c.value}</strong>
                    <div className="claim-source">
                      <Link href={`/sources/${c.article}?e=${event.id}`}>{titleOf(c.article)}</Link>
                      {c.published ? `, ${c.published}` : ''}
                    </div>
                    {c.excerpt && (
                        <q className="excerpt">
                          <Quote>{c.excerpt}</Quote>
                        </q>
                      )}
                  </li>
                ))}
              </ol>
            </section>
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

/** Claims one per line: the value, and the article that makes it. */
function ClaimList({ claims, eventId }: { claims: ClaimView[]; eventId: string }) {
  return (
    <ul className="claim-list">
      {claims.map((c, i) => (
        <li key={i}>
          {c.value}{' '}
          <Link className="precision" href={`/sources/${c.article}?e=${eventId}`}>
            ({c.article.slice(0, 3)}
            {c.published ? `, ${c.published}` : ''})
          </Link>
        </li>
      ))}
    </ul>
  );
}
