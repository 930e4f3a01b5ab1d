'use client';
import { useState } from 'react';
import { GeoJSON, Marker, Pane, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import type { Feature, Point } from 'geojson';
import { toLatLng } from './latlng';
import type { Basemap } from './useBasemap';

const COUNTRY_FILL: Record<string, string> = { TJ: '#f4efe4', AF: '#ece6f0' };
const OTHER_FILL = '#e6e6e3';
export const BORDER_COLOR = '#d7263d';

/** Town labels by rank: rank 0 (capitals) from zoom 5, rank 1 from 7, rank 2 from 8. */
const TOWN_RANK_MIN_ZOOM = [5, 7, 8];

function label(className: string, text: string): L.DivIcon {
  return L.divIcon({ className, html: escapeHtml(text), iconSize: undefined, iconAnchor: [-5, 8] });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The offline basemap: countries, provinces, the Tajik–Afghan border, labels for towns and regions. */
export function BasemapLayers({ basemap }: { basemap: Basemap }) {
  const [zoom, setZoom] = useState<number | null>(null);
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const z = zoom ?? map.getZoom();
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
      <Pane name="basemap-labels" style={{ zIndex: 390, pointerEvents: 'none' }}>
        {z >= 6 && z <= 7 &&
          basemap.countries.features.map((f) => (
            <Marker
              key={`c-${f.properties!.iso2}`}
              position={toLatLng(f.properties!.label as [number, number])}
              icon={label('country-label', f.properties!.name as string)}
              interactive={false}
              keyboard={false}
            />
          ))}
        {z >= 6 &&
          basemap.admin1.features
            .filter((f) => f.properties?.label)
            .map((f) => (
              <Marker
                key={`a-${f.properties!.iso}-${f.properties!.name}`}
                position={toLatLng(f.properties!.label as [number, number])}
                icon={label('region-label', f.properties!.name as string)}
                interactive={false}
                keyboard={false}
              />
            ))}
        {(basemap.towns.features as Feature<Point>[])
          .filter((f) => z >= TOWN_RANK_MIN_ZOOM[f.properties!.rank as number])
          .map((f) => (
            <Marker
              key={`t-${f.properties!.geonamesId}`}
              position={toLatLng(f.geometry.coordinates as [number, number])}
              icon={L.divIcon({
                className: 'town-label',
                html: `<span class="town-dot"></span>${escapeHtml(f.properties!.name as string)}`,
                iconSize: undefined,
                iconAnchor: [3, 8],
              })}
              interactive={false}
              keyboard={false}
            />
          ))}
      </Pane>
    </>
  );
}
