/** The region the basemap covers, [west, south, east, north]: Tajikistan, northern Afghanistan and their neighbours' edges. */
export const REGION_BBOX: [number, number, number, number] = [65.5, 35.0, 76.0, 41.3];

/** The home view: the whole Tajik–Afghan border, from Termez to the Wakhan. */
export const DEFAULT_VIEW = { center: [37.95, 70.9] as [number, number], zoom: 7 };
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 12;
