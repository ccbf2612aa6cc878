/** Exponential backoff with full jitter: spreads retries of many clients instead of synchronising them. */
export interface BackoffOptions {
  /** Delay cap for the first retry, in ms. */
  baseDelayMs: number;
  /** Upper bound for any single delay, in ms. */
  maxDelayMs: number;
}

/** Delay before retry number `retry` (1 = first retry): uniform in [0, min(max, base·2^(retry-1))]. */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
