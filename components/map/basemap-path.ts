/**
 * The basemap layers the map draws and where this app serves them (app/basemap/[layer]): shared by the map,
 * which fetches them, and the home page, which preloads them with its HTML. No 'use client': the server
 * component needs the values themselves, not client references.
 */
export const BASEMAP_LAYER_NAMES = ['countries', 'admin1', 'border', 'towns'] as const;
export type BasemapLayerName = (typeof BASEMAP_LAYER_NAMES)[number];

export function basemapPath(name: BasemapLayerName): string {
  return `/basemap/${name}`;
}
