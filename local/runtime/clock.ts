// The virtual clock shared by every execution of one runtime, and the Date class that reads it.

/** Time source for the runtime: real elapsed time plus every sleep and explicit advance. */
export interface VirtualClock {
  /** Virtual epoch milliseconds: start + real elapsed + total slept. */
  now(): number;
  /** Advances the clock by `ms` at once, as `Utilities.sleep` does here. */
  sleep(ms: number): void;
  /** Advances the clock to `epochMs` if it is in the future; never moves it back. */
  advanceTo(epochMs: number): void;
  /** Total milliseconds added by `sleep` and `advanceTo`. */
  sleptMs(): number;
}

/**
 * Creates a clock that is real time: `now` is Date.now() and `sleep` blocks the thread. Used when
 * the CLI talks to a real JOOR host, whose rate limit runs on real time.
 */
export function createRealClock(): VirtualClock {
  const blocker = new Int32Array(new SharedArrayBuffer(4));
  return {
    now: () => Date.now(),
    sleep: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new Error(`Invalid sleep duration: ${ms}. Pass a number of milliseconds of 0 or more.`);
      }
      Atomics.wait(blocker, 0, 0, ms);
    },
    advanceTo: (epochMs) => {
      const gap = epochMs - Date.now();
      if (gap > 0) Atomics.wait(blocker, 0, 0, gap);
    },
    sleptMs: () => 0,
  };
}

/**
 * Creates a clock at `startTimeMs`. With `followRealTime` false it moves only on sleep and
 * advance, which makes exact times reproducible in tests.
 */
export function createVirtualClock(startTimeMs: number = Date.now(), followRealTime = true): VirtualClock {
  const realStart = performance.now();
  const realElapsed = () => (followRealTime ? performance.now() - realStart : 0);
  let slept = 0;

  const clock: VirtualClock = {
    now: () => Math.floor(startTimeMs + realElapsed() + slept),
    sleep: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new Error(`Invalid sleep duration: ${ms}. Pass a number of milliseconds of 0 or more.`);
      }
      slept += ms;
    },
    advanceTo: (epochMs) => {
      const gap = epochMs - clock.now();
      if (gap > 0) slept += gap;
    },
    sleptMs: () => slept,
  };
  return clock;
}

/**
 * Creates a Date class whose `new Date()` and `Date.now()` read the virtual clock. It extends
 * Node's Date, so the script, the SpreadsheetApp fake and the tests all see one `Date` and
 * `instanceof Date` is true everywhere. Calling it without `new` returns the current time as a
 * string, as the built-in does.
 */
export function createClockDateClass(clock: VirtualClock): DateConstructor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) {
        super(clock.now());
      } else {
        super(...(args as [string | number | Date]));
      }
    }

    static override now(): number {
      return clock.now();
    }
  }

  const callable = new Proxy(ClockDate, {
    apply: () => new ClockDate().toString(),
  });
  return callable as unknown as DateConstructor;
}
