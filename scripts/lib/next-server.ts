/**
 * `next start` for the benchmarks (bench:scale, profile-ready): in its own process group, so that the
 * server and every child it spawns are killed together, past a deadline at the latest.
 */
import { spawn } from 'node:child_process';

/**
 * SIGKILL, not SIGTERM: a server busy building the brief (a synchronous minute or more at 100,000 articles)
 * handles no signal until it is done, and was seen outliving its benchmark, still holding the port.
 */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * Starts a built app (`args`: extra `next start` arguments, e.g. a directory) on `port` and resolves once
 * `/` answers, with the group leader's pid and how long that took. The home page reads the brief, so the
 * first answer includes building it: the server is warm afterwards. Refuses a port that already answers
 * (a server left by an interrupted run would be measured instead).
 */
export async function startServer(port: number, args: string[], env: NodeJS.ProcessEnv, deadlineMs: number): Promise<{ pid: number; firstAnswerMs: number }> {
  const busy = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
  if (busy) throw new Error(`port ${port} already answers: stop what listens there, or set BENCH_PORT`);
  const t0 = performance.now();
  const server = spawn('npx', ['next', 'start', ...args, '--port', String(port), '--hostname', '127.0.0.1'], { cwd: process.cwd(), stdio: 'ignore', env, detached: true });
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}) before answering`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return { pid: server.pid!, firstAnswerMs: performance.now() - t0 };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  killGroup(server.pid);
  throw new Error(`next start did not answer within ${Math.round(deadlineMs / 1000)} s`);
}

/**
 * Runs `run` against a server started as {@link startServer} does, and always stops its process group after —
 * also when `run` throws, or after `killAfterMs` if `run` hangs.
 */
export async function withServer<T>(
  port: number,
  args: string[],
  env: NodeJS.ProcessEnv,
  deadlines: { startMs: number; killAfterMs: number },
  run: (server: { pid: number; firstAnswerMs: number }) => Promise<T>,
): Promise<T> {
  const server = await startServer(port, args, env, deadlines.startMs);
  const killer = setTimeout(() => killGroup(server.pid), deadlines.killAfterMs);
  try {
    return await run(server);
  } finally {
    clearTimeout(killer);
    killGroup(server.pid);
  }
}

/**
 * Asks for what the first page load would otherwise build on the server (the map data, serialised and
 * gzip'd once per process), so that a measured load sees a warm server. Returns how long that took (ms),
 * or null when the page names no map data (the bare page).
 */
export async function warmMapData(port: number): Promise<{ path: string; ms: number } | null> {
  const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  const path = html.match(/\/data\/[0-9a-f]+\/map\.json/)?.[0];
  if (!path) return null;
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'accept-encoding': 'gzip' } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return { path, ms: performance.now() - t0 };
}
