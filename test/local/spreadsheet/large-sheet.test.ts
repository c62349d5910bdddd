// Correctness at benchmark size. The benchmark measures speed, so no test asserts it.
import { addSheet, createWorkbook } from '../../../local/runtime/spreadsheet';
import { createApp } from './helpers';

const ROWS = 100_000;

describe('100,000-row sheet', () => {
  const workbook = createWorkbook({ timeZone: 'UTC', locale: 'en_US' });
  addSheet(workbook, 'Inventory');
  const { app, calls } = createApp(workbook);
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  sheet.insertRowsAfter(1000, ROWS);

  const rows = Array.from({ length: ROWS }, (_, index) => [`ST-${index}`, String(index % 50), '2025-03-10']);

  it('writes and reads the whole block with one call each', () => {
    calls.length = 0;
    const range = sheet.getRange(2, 1, ROWS, 3);
    range.setValues(rows);
    const values = range.getValues();
    expect(calls).toEqual(['Sheet.getRange', 'Range.setValues', 'Range.getValues']);
    expect(values).toHaveLength(ROWS);
    expect(values[ROWS - 1]?.[0]).toBe(`ST-${ROWS - 1}`);
    expect(values[ROWS - 1]?.[1]).toBe((ROWS - 1) % 50);
  });

  it('reports the last row of the block', () => {
    expect(sheet.getLastRow()).toBe(ROWS + 1);
  });

  it('renders display values for the whole block', () => {
    const display = sheet.getRange(2, 3, ROWS, 1).getDisplayValues();
    expect(display[0]).toEqual(['2025-03-10']);
    expect(display[ROWS - 1]).toEqual(['2025-03-10']);
  });
});
