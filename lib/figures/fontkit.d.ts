/** fontkit ships no types; the figure uses only openSync and measures through its own narrow interface. */
declare module 'fontkit' {
  export function openSync(path: string): unknown;
}
