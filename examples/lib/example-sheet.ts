/**
 * Rows of the demo brand's inventory sheet. Every catalogue SKU gets an ATS row in the Default
 * warehouse, a few styles get dated WIP rows in the future warehouse, and some rows carry one
 * instance each of the mistakes that real ERP exports and hand-edited sheets contain.
 */

import { type CatalogueEntry, DEFAULT_WAREHOUSE, FUTURE_WAREHOUSE } from './catalogue';
import { appendGs1CheckDigit, breakCheckDigit, createSeededRandom, pickInteger } from './gtin';

/** A formula cell with its cached result; `{row}` in the formula stands for the cell's own row. */
export interface FormulaCell {
  formula: string;
  result: number | string | { error: string };
}

export type SheetCell = string | number | Date | FormulaCell | null;

/** One data row of the example sheet, in header order. */
export interface ExampleRow {
  upc: SheetCell;
  styleNumber: string;
  colourCode: string;
  size: string;
  quantity: SheetCell;
  warehouse: string;
  inventoryDate: Date | null;
  /** Mistake this row demonstrates, listed in the README and not written to the sheet. */
  mistake?: string;
}

export const EXAMPLE_HEADER = [
  'UPC',
  'Style #',
  'Colour Code',
  'Size',
  'Qty Available',
  'Warehouse',
  'Inventory Date',
] as const;

/** WIP arrival dates for the future warehouse, as dates in the sheet's zone. */
const WIP_DATES = [new Date(Date.UTC(2027, 0, 20)), new Date(Date.UTC(2027, 1, 15))];

/** UPC with a valid check digit that the demo catalogue does not contain, so JOOR fails the line. */
export const UNKNOWN_UPC = appendGs1CheckDigit('08456799999');

/** Builds the rows of `examples/inventory.xlsx` from the catalogue, deterministically. */
export function buildExampleRows(catalogue: CatalogueEntry[]): ExampleRow[] {
  const random = createSeededRandom(20270120);
  const rows: ExampleRow[] = catalogue.map((sku) => ({
    upc: sku.upc,
    styleNumber: sku.style_number,
    colourCode: sku.color_code,
    size: sku.size,
    quantity: random() < 0.1 ? 0 : pickInteger(random, 1, 140),
    warehouse: DEFAULT_WAREHOUSE,
    inventoryDate: null,
  }));

  applyMistakes(rows, catalogue);
  rows.push(...buildWipRows(catalogue, random));
  return rows;
}

/** Turns a handful of rows into the mistakes the add-on must catch, each of a different kind. */
function applyMistakes(rows: ExampleRow[], catalogue: CatalogueEntry[]): void {
  const at = (index: number): ExampleRow => rows[index]!;

  // Number cells that lost their leading zero: valid once the zero is restored.
  for (const index of [5, 33, 201]) {
    at(index).upc = Number(at(index).upc);
    at(index).mistake = 'UPC stored as a Number cell; the leading zero is lost';
  }

  // Rows identified by style, colour and size because the UPC cell is empty.
  for (const index of [20, 21]) {
    at(index).upc = null;
    at(index).mistake = 'no UPC: identified by style number, colour code and size';
  }

  at(12).upc = breakCheckDigit(String(at(12).upc));
  at(12).mistake = 'UPC with a wrong check digit';
  at(40).quantity = 'N/A';
  at(40).mistake = 'placeholder text in the quantity';
  at(55).quantity = -2;
  at(55).mistake = 'negative quantity';
  at(70).quantity = 2.5;
  at(70).mistake = 'decimal quantity';
  at(110).warehouse = 'Defualt';
  at(110).mistake = 'unknown warehouse (typo)';

  const scientificIndex = catalogue.findIndex((sku) => sku.upc.startsWith('8'));
  const scientific = at(scientificIndex);
  scientific.upc = Number(scientific.upc).toExponential(5).toUpperCase();
  scientific.mistake = 'UPC text in scientific notation; digits were lost';

  at(170).quantity = { formula: 'VLOOKUP(A{row},Stock!A:B,2,FALSE)', result: { error: '#N/A' } };
  at(170).mistake = 'formula error in the quantity';

  // Insert from the bottom up so earlier indices stay valid.
  const identical = { ...at(150), mistake: 'identical duplicate of the row above' };
  rows.splice(151, 0, identical);
  const conflicting = { ...at(130), quantity: Number(at(130).quantity) + 5 };
  conflicting.mistake = 'duplicate of the row above with a different quantity';
  at(130).mistake = 'duplicate of the row below with a different quantity';
  rows.splice(131, 0, conflicting);
  rows.splice(90, 0, {
    upc: UNKNOWN_UPC,
    styleNumber: 'SS27-BELT-01',
    colourCode: '001',
    size: 'OS',
    quantity: 12,
    warehouse: DEFAULT_WAREHOUSE,
    inventoryDate: null,
    mistake: 'valid UPC that JOOR does not know (style not set up yet)',
  });
}

/** WIP rows: incoming stock for a slice of the range, dated, in the future warehouse. */
function buildWipRows(catalogue: CatalogueEntry[], random: () => number): ExampleRow[] {
  const wipStyles = new Set(['SS27-TEE-01', 'SS27-JEAN-01', 'SS27-DRESS-01', 'SS27-SNKR-01']);
  return catalogue
    .filter((sku) => wipStyles.has(sku.style_number))
    .map((sku, index) => ({
      upc: sku.upc,
      styleNumber: sku.style_number,
      colourCode: sku.color_code,
      size: sku.size,
      quantity: pickInteger(random, 20, 300),
      warehouse: FUTURE_WAREHOUSE,
      inventoryDate: WIP_DATES[index % WIP_DATES.length]!,
    }));
}
