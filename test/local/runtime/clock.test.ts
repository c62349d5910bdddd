import { createClockDateClass, createVirtualClock } from '../../../local/runtime/clock';

const START = Date.UTC(2025, 0, 1);

describe('virtual clock', () => {
  it('starts at the given time', () => {
    const clock = createVirtualClock(START);
    expect(clock.now() - START).toBeLessThan(1000);
  });

  it('advances at once on sleep', () => {
    const clock = createVirtualClock(START);
    clock.sleep(3_600_000);
    expect(clock.now() - START).toBeGreaterThanOrEqual(3_600_000);
    expect(clock.sleptMs()).toBe(3_600_000);
  });

  it('rejects a negative sleep', () => {
    const clock = createVirtualClock(START);
    expect(() => clock.sleep(-1)).toThrow('Invalid sleep duration: -1');
  });

  it('ignores real time when asked', () => {
    const clock = createVirtualClock(START, false);
    expect(clock.now()).toBe(START);
    clock.sleep(500);
    expect(clock.now()).toBe(START + 500);
  });

  it('never moves back on advanceTo', () => {
    const clock = createVirtualClock(START);
    clock.advanceTo(START + 10_000);
    const afterAdvance = clock.now();
    clock.advanceTo(START);
    expect(afterAdvance).toBeGreaterThanOrEqual(START + 10_000);
    expect(clock.now()).toBeGreaterThanOrEqual(afterAdvance);
  });
});

describe('clock Date class', () => {
  const clock = createVirtualClock(START);
  const ClockDate = createClockDateClass(clock);

  it('reads the clock for new Date() and Date.now()', () => {
    clock.sleep(86_400_000);
    expect(new ClockDate().getTime()).toBeGreaterThanOrEqual(START + 86_400_000);
    expect(ClockDate.now()).toBeGreaterThanOrEqual(START + 86_400_000);
  });

  it('builds dates from arguments like Date', () => {
    expect(new ClockDate(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new ClockDate('2024-02-03T04:05:06Z').getTime()).toBe(Date.UTC(2024, 1, 3, 4, 5, 6));
    expect(new ClockDate(2024, 1, 3).getDate()).toBe(3);
  });

  it('makes dates that are instances of Date', () => {
    expect(new ClockDate()).toBeInstanceOf(Date);
  });

  it('keeps the static helpers of Date', () => {
    expect(ClockDate.UTC(2024, 0, 1)).toBe(Date.UTC(2024, 0, 1));
    expect(ClockDate.parse('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
  });

  it('returns a string when called without new', () => {
    expect(typeof (ClockDate as unknown as () => string)()).toBe('string');
  });
});
