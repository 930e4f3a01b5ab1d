'use client';
import { GeoJSON, Pane } from 'react-leaflet';
import type { Basemap } from './useBasemap';

const COUNTRY_FILL: Record<string, string> = { TJ: '#f4efe4', AF: '#ece6f0' };
const OTHER_FILL = '#e6e6e3';
export const BORDER_COLOR = '#d7263d';

/** The offline basemap: countries, provinces and the Tajik–Afghan border; MapLabels names them. */
export function BasemapLayers({ basemap }: { basemap: Basemap }) {
  return (
    <>
      <Pane name="basemap-land" style={{ zIndex: 200 }}>
        <GeoJSON
          data={basemap.countries}
          interactive={false}
          style={(f) => ({
            fillColor: COUNTRY_FILL[f?.properties?.iso2] ?? OTHER_FILL,
            // Class names let a theme (the embed's dark one) restyle the basemap in CSS.
            className: `bm-country bm-${COUNTRY_FILL[f?.properties?.iso2] ? f?.properties?.iso2 : 'other'}`,
            fillOpacity: 1,
            color: '#8a8f96',
            weight: 1,
          })}
        />
        <GeoJSON
          data={basemap.admin1}
          interactive={false}
          style={{ fill: false, color: '#a08fb0', weight: 0.8, dashArray: '4 3', className: 'bm-admin1' }}
        />
      </Pane>
      <Pane name="basemap-border" style={{ zIndex: 380 }}>
        <GeoJSON data={basemap.border} interactive={false} style={{ color: '#ffffff', weight: 6, opacity: 0.9, className: 'bm-border-halo' }} />
        <GeoJSON data={basemap.border} interactive={false} style={{ color: BORDER_COLOR, weight: 2.5, opacity: 1 }} />
      </Pane>
    </>
  );
}
