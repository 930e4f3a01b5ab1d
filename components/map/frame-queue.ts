/**
 * Work that follows a move of the map, one job per frame. A move's own task (Leaflet re-projecting the
 * basemap and the markers) is painted in the frame after it; what depends on the settled view (the
 * uncertainty areas' canvas, the labels' layout) used to land in that same frame, or all in the next one,
 * and made it long. Here each job gets a frame of its own, starting with the second frame after it is
 * asked for, so that no frame carries more than the move or one job.
 *
 * A job asked for again under the same key before it ran replaces the old one and keeps its place (a
 * wheel turned several notches lays out the labels once). `whenIdle` answers once no job is left and the
 * last one has been painted: data-map-ready waits for it.
 */

/** requestAnimationFrame and its cancel, injectable so that the order of jobs can be tested without a browser. */
export interface Frames {
  request: (callback: () => void) => number;
  cancel: (handle: number) => void;
}

export class FrameQueue {
  private readonly jobs = new Map<string, () => void>();
  private readonly idle: (() => void)[] = [];
  private handle = 0;
  private scheduled = false;

  constructor(private readonly frames: Frames) {}

  /** Runs `job` in a frame of its own, from the second frame on; replaces a job under `key` that has not run yet. */
  schedule(key: string, job: () => void): void {
    this.jobs.set(key, job);
    if (!this.scheduled) {
      this.scheduled = true;
      // the first frame paints the move that asked; the job runs at the start of the next one
      this.handle = this.frames.request(() => (this.handle = this.frames.request(() => this.runOne())));
    }
  }

  /** Drops the job under `key` if it has not run yet. */
  cancel(key: string): void {
    this.jobs.delete(key);
  }

  get busy(): boolean {
    return this.scheduled;
  }

  /** Calls `done` once no job is waiting and the frame that ran the last one is over (at once if there is nothing to wait for). */
  whenIdle(done: () => void): void {
    if (this.scheduled) this.idle.push(done);
    else done();
  }

  /** Stops everything: no job runs, no waiter is called. */
  dispose(): void {
    this.frames.cancel(this.handle);
    this.jobs.clear();
    this.idle.length = 0;
    this.scheduled = false;
  }

  private runOne(): void {
    const next = this.jobs.entries().next();
    if (!next.done) {
      const [key, job] = next.value;
      this.jobs.delete(key);
      try {
        job();
      } finally {
        // the next job, or the idle waiters, one frame later: after this job's work has been painted
        this.handle = this.frames.request(() => this.runOne());
      }
      return;
    }
    this.scheduled = false;
    for (const done of this.idle.splice(0)) done();
  }
}

const queues = new WeakMap<object, FrameQueue>();

/** The queue of one map (keyed by the Leaflet map object): its layers share it, so their jobs take turns. */
export function frameQueueOf(map: object): FrameQueue {
  let q = queues.get(map);
  if (!q) {
    q = new FrameQueue({ request: (f) => requestAnimationFrame(f), cancel: (h) => cancelAnimationFrame(h) });
    queues.set(map, q);
  }
  return q;
}
