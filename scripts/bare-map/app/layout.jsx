import 'leaflet/dist/leaflet.css';

export const metadata = { title: 'bare react-leaflet page' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>{children}</body>
    </html>
  );
}
