import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { EventDetails } from '@/components/EventDetails';
import { FigureAndExportButtons } from '@/components/FigureAndExportButtons';
import { DEFAULT_STATE } from '@/lib/state/brief-state';
import { findEvent } from '@/lib/map-data';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const event = findEvent(id);
  return { title: event ? `${event.subEventType}, ${event.dateText} — geobrief` : 'Event — geobrief' };
}

export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const event = findEvent(id);
  if (!event) notFound();
  return (
    <main className="page event-page">
      <nav className="crumbs">
        <Link href={`/?e=${event.id}`}>← back to the map</Link>
      </nav>
      <EventDetails event={event} headingLevel={2} />
      <FigureAndExportButtons state={{ ...DEFAULT_STATE, event: event.id }} scope="event" />
      <p className="permalink">
        Permalink: <code>/events/{event.id}</code> · coordinates {event.coordinates[1].toFixed(4)}, {event.coordinates[0].toFixed(4)} (lat, lon) ·
        location precision {event.geoPrecision}, time precision {event.timePrecision} (ACLED codes)
      </p>
    </main>
  );
}
