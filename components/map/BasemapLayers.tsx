'use client';
import { memo, useEffect } from 'react';
import { useMap } from 'react-leaflet';
import L, { type PathOptions } from 'leaflet';
import type { Feature, FeatureCollection } from 'geojson';
import type { Basemap } from './useBasemap';
import { simplifyGeometry } from './simplify';
import { stage } from '../data/stages';

const COUNTRY_FILL: Record<string, string> = { TJ: '#f4efe4', AF: '#ece6f0' };
const OTHER_FILL = '#e6e6e3';
export const BORDER_COLOR = '#d7263d';

function countryStyle(f?: Feature): PathOptions {
  const iso2 = f?.properties?.iso2 as string | undefined;
  return {
    fillColor: (iso2 && COUNTRY_FILL[iso2]) ?? OTHER_FILL,
    // Class names let a theme (the embed's dark one) restyle the basemap in CSS.
    className: `bm-country bm-${iso2 && COUNTRY_FILL[iso2] ? iso2 : 'other'}`,
    fillOpacity: 1,
    color: '#8a8f96',
    weight: 1,
  };
}

/** Style objects made once, shared by the layers of every zoom level. */
const ADMIN1_STYLE = { fill: false, color: '#a08fb0', weight: 0.8, dashArray: '4 3', className: 'bm-admin1' };
const BORDER_HALO_STYLE = { color: '#ffffff', weight: 6, opacity: 0.9, className: 'bm-border-halo' };
const BORDER_STYLE = { color: BORDER_COLOR, weight: 2.5, opacity: 1 };

/**
 * Up to this zoom the basemap is drawn from a copy simplified for the zoom shown; beyond it, as it is (there
 * Leaflet keeps nearly every vertex anyway). Simplified, zoom 7 keeps about a third of the 44,000 vertices.
 */
const SIMPLIFIED_UP_TO_ZOOM = 9;
/** How far a dropped vertex may lie from the simplified line: the tolerance Leaflet's own simplification uses (smoothFactor 1). */
const TOLERANCE_PX = 1;

/**
 * The offline basemap: countries, provinces and the Tajik–Afghan border; MapLabels names them (from the
 * full geometry). Drawn with Leaflet directly, once per basemap: the map re-renders at every move, the
 * basemap changes only with the zoom.
 *
 * At each zoom Leaflet projects, clips and simplifies every vertex of every path, and at the zooms that show
 * the whole region most of them fall within a pixel of their neighbours and are dropped. So up to
 * SIMPLIFIED_UP_TO_ZOOM the layers are drawn from a copy simplified once for the zoom shown (made the first
 * time that zoom is shown, then kept): a zoom's basemap work follows the vertices drawn, not those stored.
 *
 * A zoom swaps the layers without drawing the old ones at the new zoom, and projects the new ones once. That
 * rests on the order in which Leaflet calls a map event's handlers, the order they were added in: a zoom
 * resets the view (viewprereset, zoomend, moveend, viewreset), and the basemap is taken off at viewprereset and
 * put back on in a `viewreset` handler added after the basemap's renderers' own (which re-project and re-clip
 * every path they hold). A move that is not a reset (a pan) leaves the layers on; a zoom that is not a reset
 * (animated, which this map never does) takes the old copy off at zoomend and puts the new one on at moveend.
 */
export const BasemapLayers = memo(function BasemapLayers({ basemap }: { basemap: Basemap }) {
  const map = useMap();
  useEffect(
    function drawBasemap() {
      const levelNow = () => Math.min(Math.round(map.getZoom()), SIMPLIFIED_UP_TO_ZOOM + 1);
      const land = L.svg({ pane: pane(map, 'basemap-land', 200) });
      const border = L.svg({ pane: pane(map, 'basemap-border', 380) });
      const made = new Map<number, L.Layer[]>();
      const layersAt = (level: number): L.Layer[] => {
        let layers = made.get(level);
        if (!layers) {
          const d = basemapAt(basemap, level);
          layers = [layer(d.countries, countryStyle, land), layer(d.admin1, ADMIN1_STYLE, land), layer(d.border, BORDER_HALO_STYLE, border), layer(d.border, BORDER_STYLE, border)];
          made.set(level, layers);
        }
        return layers;
      };
      let shown: number | null = null;
      // The copies for one zoom in and one zoom out are made while the browser is idle, not in the zoom that needs them.
      let prepare = 0;
      const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
      const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
      const prepareNeighbours = (level: number) => {
        cancelIdle(prepare);
        prepare = idle(() => {
          for (const next of [level + 1, level - 1]) if (next >= map.getMinZoom() && next <= Math.min(map.getMaxZoom(), SIMPLIFIED_UP_TO_ZOOM + 1)) layersAt(next);
        });
      };
      const takeOff = () => {
        if (shown === null) return;
        for (const layer of layersAt(shown)) layer.remove();
        shown = null;
      };
      const takeOffIfOtherLevel = () => {
        if (shown !== null && shown !== levelNow()) takeOff();
      };
      const putOn = () => {
        if (shown !== null || resetting) return;
        shown = levelNow();
        for (const layer of layersAt(shown)) layer.addTo(map);
        prepareNeighbours(shown);
      };
      // A zoom (without animation: the map has none) resets the view: Leaflet's renderers project their paths at
      // zoomend, clip them at moveend, then project and clip them all again at viewreset. The basemap is off the
      // map from viewprereset to viewreset and put back on after the renderers' own viewreset: projected once.
      let resetting = false;
      const beginReset = () => {
        resetting = true;
        takeOff();
      };
      const endReset = () => {
        resetting = false;
        putOn();
      };
      map.on('viewprereset', beginReset);
      map.on('zoomend', takeOffIfOtherLevel);
      putOn(); // adds the renderers to the map, and with them their own handlers
      map.on('moveend', putOn);
      map.on('viewreset', endReset);
      return () => {
        map.off('viewprereset', beginReset);
        map.off('zoomend', takeOffIfOtherLevel);
        map.off('moveend', putOn);
        map.off('viewreset', endReset);
        cancelIdle(prepare);
        takeOff();
        land.remove();
        border.remove();
      };
    },
    [map, basemap],
  );
  return null;
});

/** A basemap layer: not interactive, drawn by `renderer` (GeoJSON hands its options, renderer included, to the paths it makes). */
function layer(data: FeatureCollection, style: PathOptions | ((f?: Feature) => PathOptions), renderer: L.Renderer): L.GeoJSON {
  const options: L.GeoJSONOptions & L.PathOptions = { interactive: false, style, renderer };
  return L.geoJSON(data, options);
}

/** The map pane `name` at `zIndex`, made the first time it is asked for. */
function pane(map: L.Map, name: string, zIndex: number): string {
  if (!map.getPane(name)) map.createPane(name).style.zIndex = String(zIndex);
  return name;
}

type Drawn = Pick<Basemap, 'countries' | 'admin1' | 'border'>;
const levels = new WeakMap<Basemap, Map<number, Drawn>>();

/** The layers drawn at a zoom level: simplified for it up to SIMPLIFIED_UP_TO_ZOOM, else as loaded; made once per basemap and level. */
function basemapAt(basemap: Basemap, level: number): Drawn {
  if (level > SIMPLIFIED_UP_TO_ZOOM) return basemap;
  let byLevel = levels.get(basemap);
  if (!byLevel) levels.set(basemap, (byLevel = new Map()));
  let drawn = byLevel.get(level);
  if (!drawn) {
    const simplified = (fc: FeatureCollection): FeatureCollection => ({
      ...fc,
      features: fc.features.map((f) => ({ ...f, geometry: simplifyGeometry(f.geometry, level, TOLERANCE_PX) })),
    });
    drawn = stage('basemap-simplify', () => ({ countries: simplified(basemap.countries), admin1: simplified(basemap.admin1), border: simplified(basemap.border) }));
    byLevel.set(level, drawn);
  }
  return drawn;
}
