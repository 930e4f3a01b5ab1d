import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The app under test; host pages and the second app server take the next ports. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
export const APP = `http://127.0.0.1:${APP_PORT}`;

export interface HostPage {
  url: string;
  origin: string;
  /** Replaces what the page serves (the origin stays the same). */
  serve: (html: string) => void;
  close: () => Promise<void>;
}

/**
 * A page on another origin (a free port of 127.0.0.1, chosen by the system so parallel test runs
 * on the machine do not collide): serves `html` at every path. In-process, so nothing outlives the
 * test; close() when done.
 */
export async function hostPage(html = ''): Promise<HostPage> {
  let body = html;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: `${origin}/`,
    origin,
    serve: (h) => (body = h),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port free at the moment of asking, for a server started by another process. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An article around the embed, long enough that the host page scrolls. */
export function articleWith(snippet: string): string {
  const filler = Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i + 1} of the host article. ${'Lorem ipsum dolor sit amet. '.repeat(6)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<style>body{font-family:sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem}</style>
<script>window.__messages=[];addEventListener('message',function(e){window.__messages.push(e.data)});</script></head>
<body><h1>A briefing on another site</h1><p>Before the map.</p>
${snippet}
${filler}
</body></html>`;
}

/**
 * A second `next start` of the same build with other environment variables, in its own process
 * group, killed at stop() or at the deadline, whichever comes first.
 */
export async function startApp(port: number, env: Record<string, string>, deadlineMs = 120_000): Promise<{ url: string; stop: () => void }> {
  const root = path.resolve(__dirname, '..');
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
    stdio: 'ignore',
  });
  const stop = () => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const deadline = setTimeout(stop, deadlineMs);
  deadline.unref();
  const url = `http://127.0.0.1:${port}`;
  for (let t = Date.now(); Date.now() - t < 30_000; ) {
    try {
      const res = await fetch(`${url}/embed.js`);
      if (res.ok) return { url, stop: () => (clearTimeout(deadline), stop()) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`second app server on ${port} did not start`);
}
