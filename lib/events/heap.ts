/** A binary min-heap under a comparison: push and pop in O(log n). */
export class Heap<T> {
  private items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const xs = this.items;
    xs.push(item);
    let k = xs.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.before(xs[k], xs[parent])) break;
      [xs[k], xs[parent]] = [xs[parent], xs[k]];
      k = parent;
    }
  }

  pop(): T | undefined {
    const xs = this.items;
    if (xs.length === 0) return undefined;
    const top = xs[0];
    const last = xs.pop()!;
    if (xs.length) {
      xs[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < xs.length && this.before(xs[l], xs[m])) m = l;
        if (r < xs.length && this.before(xs[r], xs[m])) m = r;
        if (m === k) break;
        [xs[k], xs[m]] = [xs[m], xs[k]];
        k = m;
      }
    }
    return top;
  }
}
