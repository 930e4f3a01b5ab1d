import type { Metadata } from 'next';
import { connection } from 'next/server';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import 'leaflet/dist/leaflet.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'geobrief — attacks on the Tajikistan–Afghanistan border',
  description: 'Attack sites from news reports, each linked to the sentences that support it. Runs offline.',
};

/** Rendered per request: Next puts the Content-Security-Policy nonce (proxy.ts) on its scripts only then. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
