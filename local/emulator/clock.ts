/**
 * The emulator's single clock. It follows real time until a test sets it through the `X-Emulator-Clock`
 * request header or the control route. From then on it is virtual, moves only when set or advanced,
 * and never moves backwards.
 */
export class VirtualClock {
  #virtualMs: number | null = null;

  now(): number {
    return this.#virtualMs ?? Date.now();
  }

  isVirtual(): boolean {
    return this.#virtualMs !== null;
  }

  /** Moves the clock to `epochMs`; an earlier value leaves it where it is. Returns the new time. */
  observe(epochMs: number): number {
    this.#virtualMs = Math.max(this.now(), epochMs);
    return this.#virtualMs;
  }

  advance(ms: number): number {
    this.#virtualMs = this.now() + ms;
    return this.#virtualMs;
  }
}
