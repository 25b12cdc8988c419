// Repeated timing: one warm-up run, then `runs` timed runs, reporting the median. A system
// whose warm-up run already takes longer than `slowMs` is reported from that one run (a
// multi-second result does not need a median, and five more would take minutes).

export interface Timing {
  median: number;
  runs: number[];
}

export interface TimingOptions {
  runs?: number;
  slowMs?: number;
}

/** `once` does one run and returns how long its timed part took, in ms. */
export async function repeat(
  once: () => Promise<number>,
  { runs = 5, slowMs = 5000 }: TimingOptions = {},
): Promise<Timing> {
  const warmUp = await once();
  if (warmUp > slowMs) return { median: warmUp, runs: [warmUp] };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return { median: median(times), runs: times };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Resolves once the browser has rendered the next frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
