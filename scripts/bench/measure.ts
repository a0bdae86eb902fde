/** Small timing helpers for the benchmark: wall-clock milliseconds and medians. */
export interface Row {
  what: string;
  figure: string;
  goal: string;
  pass: boolean;
}

export function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median of `runs` measurements after one warm-up run. */
export function median(runs: number, measure: () => number): number {
  measure();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(measure());
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

/** CPU milliseconds of one run: on a shared, loaded machine wall time mostly measures the queue. */
export function cpuTime(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
