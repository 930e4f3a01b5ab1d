import type { Geometry, Position } from 'geojson';
import type { Bbox } from './options';

interface Framable {
  coordinates: [number, number];
  uncertainty: Geometry | null;
}

/**
 * The box that shows these events and the areas they may be in, [west, south, east, north];
 * null when there are none. An area is included because a point alone would hide how little is known.
 *
 * @example
 * boundsOfEvents([{ coordinates: [69.5, 37.6], uncertainty: null }]) // [69.5, 37.6, 69.5, 37.6]
 */
export function boundsOfEvents(events: Framable[]): Bbox | null {
  let b: Bbox | null = null;
  const add = ([lon, lat]: Position) => {
    b = b ? [Math.min(b[0], lon), Math.min(b[1], lat), Math.max(b[2], lon), Math.max(b[3], lat)] : [lon, lat, lon, lat];
  };
  for (const e of events) {
    add(e.coordinates);
    if (e.uncertainty) eachPosition(e.uncertainty, add);
  }
  return b;
}

function eachPosition(g: Geometry, f: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      return f(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(f);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((r) => r.forEach(f));
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => p.forEach((r) => r.forEach(f)));
    case 'GeometryCollection':
      return g.geometries.forEach((x) => eachPosition(x, f));
  }
}
