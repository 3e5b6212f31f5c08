// Peak resident memory of a child process, read from Linux's /proc/<pid>/status. VmHWM
// is the kernel's own high-water mark, so sampling it every few ms loses at most what
// the process grew in its last few ms.
import { readFileSync } from 'node:fs';

export function readStatusKb(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null; // the process has exited, or this is not Linux
  }
}

/** Start sampling a pid's VmHWM; stop() returns the largest value seen, in kB. */
export function watchPeakMemory(pid: number, everyMs = 5): { stop(): number | null } {
  let peak: number | null = null;
  const sample = () => {
    const kb = readStatusKb(pid, 'VmHWM');
    if (kb !== null && (peak === null || kb > peak)) peak = kb;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
