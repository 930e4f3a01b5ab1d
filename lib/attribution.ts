/** What the data licences require wherever the map or its data is shown. */
export const ATTRIBUTION =
  'Borders © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL) · ' +
  'Places © <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) · ' +
  'Provinces: <a href="https://www.naturalearthdata.com/">Natural Earth</a>';
