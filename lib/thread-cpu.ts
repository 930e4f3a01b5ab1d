import fs from 'node:fs';

/**
 * CPU milliseconds of the calling thread, from Linux's /proc/thread-self/stat (utime + stime, in ticks of
 * 10 ms); null where that file is not there.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(/*turbopackIgnore: true*/ '/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
