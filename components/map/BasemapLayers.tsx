'use client';
import { memo } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import type { PathOptions } from 'leaflet';
import type { Feature } from 'geojson';
import type { Basemap } from './useBasemap';

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

/** Style objects made once: a new object at each render makes react-leaflet restyle every path. */
const ADMIN1_STYLE = { fill: false, color: '#a08fb0', weight: 0.8, dashArray: '4 3', className: 'bm-admin1' };
const BORDER_HALO_STYLE = { color: '#ffffff', weight: 6, opacity: 0.9, className: 'bm-border-halo' };
const BORDER_STYLE = { color: BORDER_COLOR, weight: 2.5, opacity: 1 };

/**
 * The offline basemap: countries, provinces and the Tajik–Afghan border; MapLabels names them.
 * Memoised: the map re-renders at every move, the basemap never changes after it is loaded.
 */
export const BasemapLayers = memo(function BasemapLayers({ basemap }: { basemap: Basemap }) {
  return (
    <>
      <Pane name="basemap-land" style={{ zIndex: 200 }}>
        <GeoJSON
          data={basemap.countries}
          interactive={false}
          style={countryStyle}
        />
        <GeoJSON
          data={basemap.admin1}
          interactive={false}
          style={ADMIN1_STYLE}
        />
      </Pane>
      <Pane name="basemap-border" style={{ zIndex: 380 }}>
        <GeoJSON data={basemap.border} interactive={false} style={BORDER_HALO_STYLE} />
        <GeoJSON data={basemap.border} interactive={false} style={BORDER_STYLE} />
      </Pane>
    </>
  );
});
