/** The data licences' attribution as plain text, for files that leave the app (figures, KML, GeoJSON). */
export const ATTRIBUTION_TEXT =
  'Events extracted by geobrief from news reports. Borders © OpenStreetMap contributors (ODbL); places © GeoNames (CC BY 4.0); provinces: Natural Earth.';
