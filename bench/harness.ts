/**
 * Timing for micro-benchmarks: variants run interleaved in rounds in one process, after a warm-up,
 * timed in CPU time (the machine is shared), and each is reported as the median over rounds of its time divided by the floor's time in the same
 * round, so that drift of the shared machine cancels out.
 */

/** Something to time: `run` handles every frame of `inputs` once. */
export interface Variant<T> {
  readonly name: string;
  readonly run: (inputs: readonly T[]) => void;
}

/** What `compare` found for one variant. */
export interface Timing {
  /** Median nanoseconds per input. */
  readonly nsPerInput: number;
  /** Median, over rounds, of this variant's time over the floor's (the first variant's) time. */
  readonly ratio: number;
}

/** Options of `compare`. */
export interface CompareOptions {
  /** How many interleaved rounds. Default 21. */
  readonly rounds?: number;
  /** How long one variant runs per round, in ms. Default 25. */
  readonly sampleMs?: number;
  /** Warm-up per variant, in ms. Default 300. */
  readonly warmupMs?: number;
}

/** Anything results are written to, so that no work is optimized away. */
export const sink: { value: unknown; count: number } = { value: undefined, count: 0 };

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** CPU time of this process in ns: unlike the wall clock, it does not count time other processes took. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

function timePasses<T>(variant: Variant<T>, inputs: readonly T[], passes: number): number {
  const start = cpuNow();
  for (let i = 0; i < passes; i++) variant.run(inputs);
  return cpuNow() - start;
}

/** Times `variants` over `inputs`; the first variant is the floor the ratios are taken against. */
export function compare<T>(
  inputs: readonly T[],
  variants: readonly Variant<T>[],
  options: CompareOptions = {},
): Map<string, Timing> {
  const { rounds = 21, sampleMs = 25, warmupMs = 300 } = options;
  const passes = new Map<Variant<T>, number>();
  for (const variant of variants) {
    // Warm up, and size a sample from the speed seen while warming.
    let done = 0;
    let elapsed = 0;
    while (elapsed < warmupMs * 1e6) {
      elapsed += timePasses(variant, inputs, 1);
      done++;
    }
    passes.set(variant, Math.max(1, Math.round((sampleMs * 1e6 * done) / elapsed)));
  }
  const perInput = new Map<Variant<T>, number[]>(variants.map((variant) => [variant, []]));
  const ratios = new Map<Variant<T>, number[]>(variants.map((variant) => [variant, []]));
  for (let round = 0; round < rounds; round++) {
    const times = new Map<Variant<T>, number>();
    // Rotate the order so no variant always runs right after the same one.
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(round + i) % variants.length] as Variant<T>;
      const count = passes.get(variant) as number;
      const ns = timePasses(variant, inputs, count) / (count * inputs.length);
      times.set(variant, ns);
      perInput.get(variant)?.push(ns);
    }
    const floor = times.get(variants[0] as Variant<T>) as number;
    for (const variant of variants) ratios.get(variant)?.push((times.get(variant) as number) / floor);
  }
  return new Map(
    variants.map((variant) => [
      variant.name,
      { nsPerInput: median(perInput.get(variant) ?? []), ratio: median(ratios.get(variant) ?? []) },
    ]),
  );
}
