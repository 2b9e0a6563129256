/** Resident memory of this process's Chromium renderer processes (Linux /proc), for memory the JS heap does not show. */
import fs from 'node:fs';

const read = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/**
 * Sum of VmRSS (bytes) over the descendants of this process whose command line says `--type=renderer`: the page's
 * renderer, which holds canvases' pixels, the DOM and the pdf.js worker. null where /proc is not available.
 */
export function rendererRssBytes(): number | null {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  for (const name of entries) {
    const stat = read(`/proc/${name}/stat`);
    // Field 4 is the parent pid; the command name (field 2) may hold spaces, so count from its closing parenthesis.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : Number.NaN;
    if (Number.isFinite(ppid)) parent.set(Number(name), ppid);
  }
  const isOurs = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 10; p = parent.get(p), hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const [pid] of parent) {
    if (!isOurs(pid) || !(read(`/proc/${pid}/cmdline`) ?? '').includes('--type=renderer')) continue;
    const kb = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
    if (kb) total += Number(kb) * 1024;
  }
  return total;
}
