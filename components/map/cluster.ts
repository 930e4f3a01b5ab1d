import Supercluster, { type PointFeature } from 'supercluster';
import type { LonLat } from '@/lib/types';

/** Above this many events, markers cluster; at or below it every event keeps its own marker. */
export const CLUSTER_THRESHOLD = 40;
/** The last zoom at which markers cluster: beyond it every event is drawn (fanned out where they share a spot). */
export const CLUSTER_MAX_ZOOM = 11;

/** A single event (itself, and its id) or a cluster of events. */
export type ClusterItem<E extends Clusterable = Clusterable> = { kind: 'event'; id: string; event: E } | { kind: 'cluster'; clusterId: number; count: number; at: LonLat };
export interface Clusterable {
  id: string;
  coordinates: LonLat;
}

/** What the index holds per point: one spot on the map and the events there (many events share a town). */
interface Spot<E extends Clusterable> {
  /** The events themselves, so that a query needs no lookup by id (a map of 56,780 ids took 60 ms before the first paint). */
  events: E[];
  /** Its position in the index's input: spot clusters take `-1 - spot` as their id (supercluster's ids are ≥ 0). */
  spot: number;
}
/** What a cluster holds: how many events it stands for (supercluster counts spots). */
interface Count {
  events: number;
}
export type ClusterIndex<E extends Clusterable = Clusterable> = Supercluster<Spot<E>, Count>;
type Bbox = [number, number, number, number];
const WORLD: Bbox = [-180, -85, 180, 85];

/**
 * The clustering index for a set of events (supercluster, 50 px radius, no clustering beyond
 * CLUSTER_MAX_ZOOM), built once per set: moves only query it. Null when there are few enough events to
 * draw each one.
 *
 * It indexes distinct spots, not events: at 56,780 events on a few thousand spots, building it is that
 * many times less work, and events on one spot are always in one cluster anyway (their distance is 0).
 * A cluster counts the events of its spots; a cluster's centre weighs each spot once.
 */
export function clusterIndex<E extends Clusterable>(events: readonly E[]): ClusterIndex<E> | null {
  if (events.length <= CLUSTER_THRESHOLD) return null;
  // By longitude, then latitude: numbers as keys, since turning 56,780 coordinates into strings costs more than the index.
  const spots: PointFeature<Spot<E>>[] = [];
  const byLon = new Map<number, Map<number, PointFeature<Spot<E>>>>();
  for (const e of events) {
    const [lon, lat] = e.coordinates;
    let byLat = byLon.get(lon);
    if (!byLat) byLon.set(lon, (byLat = new Map()));
    const spot = byLat.get(lat);
    if (spot) spot.properties.events.push(e);
    else {
      const added: PointFeature<Spot<E>> = { type: 'Feature', properties: { events: [e], spot: spots.length }, geometry: { type: 'Point', coordinates: e.coordinates } };
      byLat.set(lat, added);
      spots.push(added);
    }
  }
  const index = new Supercluster<Spot<E>, Count>({
    radius: 50,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (s) => ({ events: s.events.length }),
    reduce: (sum, s) => {
      sum.events += s.events;
    },
  });
  index.load(spots);
  return index;
}

/**
 * Single events and clusters inside `bbox` ([west, south, east, north]) at `zoom`. A spot with several
 * events is a cluster up to CLUSTER_MAX_ZOOM and its events one by one beyond.
 */
export function clustersIn<E extends Clusterable>(index: ClusterIndex<E>, bbox: Bbox, zoom: number): ClusterItem<E>[] {
  return index.getClusters(bbox, zoom).flatMap((c): ClusterItem<E>[] => {
    const at = c.geometry.coordinates as LonLat;
    const p = c.properties;
    if ('cluster' in p && p.cluster) return [{ kind: 'cluster', clusterId: p.cluster_id, count: p.events, at }];
    const { events, spot } = p as Spot<E>;
    if (events.length === 1 || zoom > CLUSTER_MAX_ZOOM) return events.map((event) => ({ kind: 'event', id: event.id, event }));
    return [{ kind: 'cluster', clusterId: -1 - spot, count: events.length, at }];
  });
}

/**
 * What to draw at `zoom` over the whole world: null when there are few enough events to draw each one,
 * else a mix of single events and clusters.
 *
 * @example
 * clusterEvents(manyEvents, 6) // [{ kind: 'cluster', count: 12, … }, { kind: 'event', id: 'ev-…' }, …]
 */
export function clusterEvents<E extends Clusterable>(events: E[], zoom: number): ClusterItem<E>[] | null {
  const index = clusterIndex(events);
  return index && clustersIn(index, WORLD, zoom);
}
