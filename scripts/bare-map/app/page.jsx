import BareMap from './BareMap';

/** One full-window map, the same size as the app's test viewport; no data, no tiles (nothing online). */
export default function Page() {
  return <BareMap />;
}
