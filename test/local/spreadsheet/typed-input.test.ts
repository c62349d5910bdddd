import { parseTypedInput, type TypedInputContext } from '../../../local/runtime/spreadsheet';
import { wallTimeToSerial } from '../../../local/runtime/spreadsheet/zone';

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);

function context(overrides: Partial<TypedInputContext> = {}): TypedInputContext {
  return { locale: 'en_US', timeZone: 'UTC', now: NOW, cellFormat: 'General', ...overrides };
}

function serial(year: number, month: number, day: number): number {
  return wallTimeToSerial({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

describe('parseTypedInput', () => {
  describe('under en_US', () => {
    it.each([
      ['001', 1, null],
      ['12345678905', 12345678905, null],
      ['012345678905', 12345678905, null],
      ['1,200', 1200, '#,##0'],
      ['1,234.50', 1234.5, '#,##0.00'],
      ['-3', -3, null],
      ['+5', 5, null],
      ['2.5', 2.5, null],
      ['.5', 0.5, null],
      ['12E4', 120000, '0.00E+00'],
      ['1e-3', 0.001, '0.00E+00'],
      ['50%', 0.5, '0%'],
      ['$1,234.5', 1234.5, '"$"#,##0.00'],
      [' 12 ', 12, null],
    ])('reads %j as the number %p', (text, value, format) => {
      const parsed = parseTypedInput(text, context());
      expect(parsed.value).toBe(value);
      expect(parsed.numberFormat).toBe(format);
      expect(parsed.formula).toBeNull();
    });

    it.each([
      ['1 200'],
      ['1,20'],
      ['12,34,567'],
      ['ST-100'],
      ['N/A'],
      ['-'],
      ['E00000012'],
      ['8.12346E+11x'],
      ['3.4.5'],
    ])('keeps %j as text', (text) => {
      const parsed = parseTypedInput(text, context());
      expect(parsed.value).toBe(text);
      expect(parsed.numberFormat).toBeNull();
    });

    it.each([
      ['2025-03-10', serial(2025, 3, 10), 'yyyy-mm-dd'],
      ['2025/03/10', serial(2025, 3, 10), 'yyyy/mm/dd'],
      ['3/10/2025', serial(2025, 3, 10), 'M/d/yyyy'],
      ['3/4', serial(2026, 3, 4), 'M/d'],
      ['3-4', serial(2026, 3, 4), 'M-d'],
      ['12/31/99', serial(1999, 12, 31), 'M/d/yyyy'],
      ['1/2/05', serial(2005, 1, 2), 'M/d/yyyy'],
      ['Mar 10, 2025', serial(2025, 3, 10), 'd mmm yyyy'],
      ['10 March 2025', serial(2025, 3, 10), 'd mmm yyyy'],
    ])('reads %j as a date serial', (text, value, format) => {
      const parsed = parseTypedInput(text, context());
      expect(parsed.value).toBe(value);
      expect(parsed.numberFormat).toBe(format);
    });

    it.each([['2025-02-30'], ['13/1/2025'], ['0/5'], ['2025-13-01']])(
      'keeps the impossible date %j as text',
      (text) => {
        expect(parseTypedInput(text, context()).value).toBe(text);
      },
    );

    it('reads a date and time with a time format', () => {
      const parsed = parseTypedInput('2025-03-10 14:30', context());
      expect(parsed.value).toBeCloseTo(serial(2025, 3, 10) + 14.5 / 24, 10);
      expect(parsed.numberFormat).toBe('yyyy-mm-dd H:mm:ss');
    });

    it('reads a time as a fraction of a day', () => {
      const parsed = parseTypedInput('2:30 pm', context());
      expect(parsed.value).toBeCloseTo(14.5 / 24, 10);
      expect(parsed.numberFormat).toBe('h:mm:ss AM/PM');
    });

    it("dates without a year use the zone's year", () => {
      const newYearInTokyo = Date.UTC(2026, 11, 31, 16, 0, 0);
      const parsed = parseTypedInput('3/4', context({ timeZone: 'Asia/Tokyo', now: newYearInTokyo }));
      expect(parsed.value).toBe(serial(2027, 3, 4));
    });
  });

  describe('under de_DE', () => {
    it.each([
      ['1.200', 1200, '#,##0'],
      ['1.234,5', 1234.5, '#,##0.00'],
      ['2,5', 2.5, null],
    ])('reads %j as the number %p', (text, value, format) => {
      const parsed = parseTypedInput(text, context({ locale: 'de_DE' }));
      expect(parsed.value).toBe(value);
      expect(parsed.numberFormat).toBe(format);
    });

    it('reads day-first dates with dots', () => {
      const parsed = parseTypedInput('10.03.2025', context({ locale: 'de_DE' }));
      expect(parsed.value).toBe(serial(2025, 3, 10));
      expect(parsed.numberFormat).toBe('dd.MM.yyyy');
    });

    it('reads 3/4 as the third of April', () => {
      expect(parseTypedInput('3/4', context({ locale: 'de_DE' })).value).toBe(serial(2026, 4, 3));
    });
  });

  describe('booleans, text marks and formulas', () => {
    it.each([
      ['TRUE', true],
      ['false', false],
    ])('reads %j as a boolean', (text, value) => {
      expect(parseTypedInput(text, context()).value).toBe(value);
    });

    it('keeps the rest of a quote-prefixed entry as text', () => {
      const parsed = parseTypedInput("'0012", context());
      expect(parsed.value).toBe('0012');
      expect(parsed.formula).toBeNull();
    });

    it('keeps everything as text in a Plain text cell', () => {
      const cell = context({ cellFormat: '@' });
      expect(parseTypedInput('001', cell).value).toBe('001');
      expect(parseTypedInput('2025-01-02', cell).value).toBe('2025-01-02');
      expect(parseTypedInput('=1+1', cell).value).toBe('=1+1');
      expect(parseTypedInput('=1+1', cell).formula).toBeNull();
    });

    it.each([
      ['=1+1', 2],
      ['=2*(3+4)', 14],
      ['=-2^2', 4],
      ['=10/4', 2.5],
      ['=50%*2', 1],
      ['=1/0', '#DIV/0!'],
      ['=SUM(A1:A3)', '#NAME?'],
      ['=HYPERLINK("http://example.test","x")', '#NAME?'],
      ["=cmd|' /C calc'!A0", '#ERROR!'],
      ['=1+', '#ERROR!'],
      ['=(1', '#ERROR!'],
    ])('stores %j as a formula with the result %p', (text, result) => {
      const parsed = parseTypedInput(text, context());
      expect(parsed.formula).toBe(text);
      expect(parsed.value).toBe(result);
    });

    it('keeps a lone equals sign as text', () => {
      const parsed = parseTypedInput('=', context());
      expect(parsed.value).toBe('=');
      expect(parsed.formula).toBeNull();
    });

    it('keeps header text with its case', () => {
      expect(parseTypedInput('Style Number', context()).value).toBe('Style Number');
    });
  });
});
