import type { LatLngTuple } from 'leaflet';

/** The one place GeoJSON's [lon, lat] becomes Leaflet's [lat, lng]. */
export function toLatLng([lon, lat]: readonly [number, number] | number[]): LatLngTuple {
  return [lat, lon];
}
