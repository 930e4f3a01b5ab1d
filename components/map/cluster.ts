import Supercluster from 'supercluster';
import type { LonLat } from '@/lib/types';

/** Above this many events, markers cluster; at or below it every event keeps its own marker. */
export const CLUSTER_THRESHOLD = 40;

export type ClusterItem = { kind: 'event'; id: string } | { kind: 'cluster'; clusterId: number; count: number; at: LonLat };
export type ClusterIndex = Supercluster<{ id: string }>;
type Bbox = [number, number, number, number];
const WORLD: Bbox = [-180, -85, 180, 85];

/**
 * The clustering index for a set of events (supercluster, 50 px radius, no clustering beyond zoom 11),
 * built once per set: moves only query it. Null when there are few enough events to draw each one.
 */
export function clusterIndex(events: readonly { id: string; coordinates: LonLat }[]): ClusterIndex | null {
  if (events.length <= CLUSTER_THRESHOLD) return null;
  const index = new Supercluster<{ id: string }>({ radius: 50, maxZoom: 11 });
  index.load(events.map((e) => ({ type: 'Feature', properties: { id: e.id }, geometry: { type: 'Point', coordinates: e.coordinates } })));
  return index;
}

/** Single events and clusters inside `bbox` ([west, south, east, north]) at `zoom`. */
export function clustersIn(index: ClusterIndex, bbox: Bbox, zoom: number): ClusterItem[] {
  return index.getClusters(bbox, zoom).map((c) => {
    const p = c.properties as { cluster?: boolean; point_count?: number; cluster_id?: number; id?: string };
    return p.cluster
      ? { kind: 'cluster' as const, clusterId: p.cluster_id!, count: p.point_count!, at: c.geometry.coordinates as LonLat }
      : { kind: 'event' as const, id: p.id! };
  });
}

/**
 * What to draw at `zoom` over the whole world: null when there are few enough events to draw each one,
 * else a mix of single events and clusters.
 *
 * @example
 * clusterEvents(manyEvents, 6) // [{ kind: 'cluster', count: 12, … }, { kind: 'event', id: 'ev-…' }, …]
 */
export function clusterEvents(events: { id: string; coordinates: LonLat }[], zoom: number): ClusterItem[] | null {
  const index = clusterIndex(events);
  return index && clustersIn(index, WORLD, zoom);
}
