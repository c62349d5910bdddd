import { wallTimeToInstant } from '../../../local/runtime/spreadsheet/zone';

function wall(year: number, month: number, day: number, hour = 0, minute = 0) {
  return { year, month, day, hour, minute, second: 0, millisecond: 0 };
}

function instant(value: number): string {
  return new Date(value).toISOString();
}

describe('wallTimeToInstant', () => {
  it('uses the offset in force on the day', () => {
    expect(instant(wallTimeToInstant(wall(2025, 3, 29), 'Europe/Berlin'))).toBe('2025-03-28T23:00:00.000Z');
    expect(instant(wallTimeToInstant(wall(2025, 3, 31), 'Europe/Berlin'))).toBe('2025-03-30T22:00:00.000Z');
  });

  it('moves a skipped time past the jump', () => {
    expect(instant(wallTimeToInstant(wall(2025, 3, 30, 2, 30), 'Europe/Berlin'))).toBe(
      '2025-03-30T01:30:00.000Z',
    );
  });

  it('picks the earlier of a repeated time', () => {
    expect(instant(wallTimeToInstant(wall(2025, 10, 26, 2, 30), 'Europe/Berlin'))).toBe(
      '2025-10-26T00:30:00.000Z',
    );
  });

  it('resolves a skipped midnight in Santiago', () => {
    expect(instant(wallTimeToInstant(wall(2025, 9, 7), 'America/Santiago'))).toBe('2025-09-07T04:00:00.000Z');
  });
});
