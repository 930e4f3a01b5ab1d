import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page not-found">
      <h1>Nothing here</h1>
      <p>This address names no page, event or article of the brief: the link may be mistyped, or the event re-dated since it was shared.</p>
      <p>
        <Link href="/">← Back to the map of attacks on the Tajikistan–Afghanistan border</Link>
      </p>
    </main>
  );
}
