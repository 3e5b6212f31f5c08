// Timing a series of requests and summarising it the way a grid user feels it:
// the median page and the slow tail (p95), plus the first (cold) request.

export interface LatencySummary {
  count: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** This process's CPU time (user + system) during the slowest request: far below maxMs, the request waited (other work on the machine). */
  slowestCpuMs: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export async function timeEach<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<LatencySummary> {
  const times: number[] = [];
  const cpus: number[] = [];
  for (const input of inputs) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const slowest = times.indexOf(sorted[sorted.length - 1]);
  return { count: times.length, firstMs: times[0], medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted[sorted.length - 1], slowestCpuMs: cpus[slowest] };
}

export function formatLatency(s: LatencySummary): string {
  const ms = (v: number) => v.toFixed(1).padStart(7);
  return `median ${ms(s.medianMs)} ms  p95 ${ms(s.p95Ms)} ms  max ${ms(s.maxMs)} ms (CPU ${ms(s.slowestCpuMs)} ms)  first ${ms(s.firstMs)} ms  (n=${s.count})`;
}
