/** A controller's pending steps, keyed so that one object has one step pending; all cleared on stop. */
export class Timers {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  /** Runs `fn` after `delayMs`, unless a step for `key` is already pending. */
  later(key: string, delayMs: number, fn: () => void) {
    if (this.#timers.has(key)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      fn();
    }, delayMs);
    this.#timers.set(key, timer);
  }

  clear() {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
