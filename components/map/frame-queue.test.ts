import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameQueue } from './frame-queue';

/** A frame clock stepped by hand: `frame()` runs the callbacks asked for before it, as the browser does at a frame's start. */
function clock() {
  let waiting = new Map<number, () => void>();
  let next = 1;
  return {
    request: (f: () => void) => (waiting.set(next, f), next++),
    cancel: (h: number) => void waiting.delete(h),
    frame() {
      const now = waiting;
      waiting = new Map();
      for (const f of now.values()) f();
    },
  };
}

test('jobs run one per frame, from the second frame after they are asked for, in the order asked', () => {
  const c = clock();
  const q = new FrameQueue(c);
  const ran: string[] = [];
  q.schedule('areas', () => ran.push('areas'));
  q.schedule('labels', () => ran.push('labels'));
  c.frame(); // the frame that paints the move
  assert.deepEqual(ran, []);
  c.frame();
  assert.deepEqual(ran, ['areas']);
  c.frame();
  assert.deepEqual(ran, ['areas', 'labels']);
});

test('a job asked for again before it ran replaces the old one and keeps its place', () => {
  const c = clock();
  const q = new FrameQueue(c);
  const ran: string[] = [];
  q.schedule('labels', () => ran.push('labels 1'));
  q.schedule('areas', () => ran.push('areas'));
  q.schedule('labels', () => ran.push('labels 2'));
  for (let i = 0; i < 5; i++) c.frame();
  assert.deepEqual(ran, ['labels 2', 'areas']);
});

test('whenIdle waits until the last job has run and its frame is over; at once when nothing is queued', () => {
  const c = clock();
  const q = new FrameQueue(c);
  let idle = 0;
  q.whenIdle(() => idle++);
  assert.equal(idle, 1);
  q.schedule('areas', () => undefined);
  q.whenIdle(() => idle++);
  c.frame();
  c.frame(); // runs the job
  assert.equal(idle, 1);
  assert.equal(q.busy, true);
  c.frame(); // the job's frame is over
  assert.equal(idle, 2);
  assert.equal(q.busy, false);
});

test('a cancelled job does not run; a job that throws does not stop the queue', () => {
  const c = clock();
  const q = new FrameQueue(c);
  const ran: string[] = [];
  q.schedule('a', () => ran.push('a'));
  q.schedule('b', () => {
    throw new Error('b failed');
  });
  q.schedule('c', () => ran.push('c'));
  q.cancel('a');
  c.frame();
  assert.throws(() => c.frame(), /b failed/);
  c.frame();
  assert.deepEqual(ran, ['c']);
});
