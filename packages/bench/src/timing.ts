/** Latencies in milliseconds, with their median and 95th percentile. */
export type Latency = { samples: number[]; p50: number; p95: number };

/** The nearest-rank percentile of samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function latency(samples: number[]): Latency {
  return {
    samples,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
  };
}

/** Milliseconds `fn` takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Runs `fn` `warmup` times unmeasured, then `count` times one after another. */
export async function measure(
  count: number,
  fn: () => Promise<unknown>,
  warmup = 3,
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await time(fn));
  return latency(samples);
}

/** Waits until `check` returns true; fails after `boundMs`. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  boundMs = 300_000,
): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/** A GET that must answer 200; returns the body text. */
export async function getOk(url: string): Promise<string> {
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200)
    throw new Error(`GET ${url}: HTTP ${res.status} ${body.slice(0, 300)}`);
  return body;
}

/**
 * Runs each function once per round, in turn (the order rotating), for
 * `count` rounds after `warmup` unmeasured ones: what the machine does
 * meanwhile weighs on every series alike, so their ratios hold.
 */
export async function measureTogether<K extends string>(
  fns: Record<K, () => Promise<unknown>>,
  count: number,
  warmup = 3,
): Promise<Record<K, Latency>> {
  const keys = Object.keys(fns) as K[];
  const samples = Object.fromEntries(
    keys.map(k => [k, [] as number[]]),
  ) as Record<K, number[]>;
  for (let round = 0; round < warmup + count; round++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(round + i) % keys.length];
      const took = await time(fns[key]);
      if (round >= warmup) samples[key].push(took);
    }
  }
  return Object.fromEntries(keys.map(k => [k, latency(samples[k])])) as Record<
    K,
    Latency
  >;
}
