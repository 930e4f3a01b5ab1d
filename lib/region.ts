/** The region the basemap covers, [west, south, east, north]: Tajikistan, northern Afghanistan and their neighbours' edges. */
export const REGION_BBOX: [number, number, number, number] = [65.5, 35.0, 76.0, 41.3];

/**
 * What the basemap draws, [west, south, east, north]: the region with a margin wide enough that at the
 * home zoom (7) a 1,300 × 980 px map shows land to every edge. The map's view is held inside it.
 */
export const BASEMAP_BBOX: [number, number, number, number] = [63.0, 33.8, 77.5, 42.2];

/** The home view: the whole Tajik–Afghan border, from Termez to the Wakhan. */
export const DEFAULT_VIEW = { center: [37.95, 70.9] as [number, number], zoom: 7 };
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 12;
