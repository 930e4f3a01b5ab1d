/** A number that changes when the array drawn is another array: cheaper than joining 100,000 ids at every render. */
const versions = new WeakMap<object, number>();
let next = 0;

export function drawVersion(items: readonly unknown[]): number {
  let v = versions.get(items);
  if (v === undefined) versions.set(items, (v = next++));
  return v;
}
