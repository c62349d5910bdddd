/**
 * Writes the attack inputs for the field-case re-run into test/attack/cases/generated/.
 * Run: node --import tsx test/attack/cases/make-inputs.ts
 *
 * Cell notation: a bare string is a text cell with number format `@`; `num(v, fmt)` is a Number
 * cell; `date(y, m, d, h, min, fmt)` is a Date cell whose wall-clock time is stored as the serial
 * (an .xlsx carries no zone); `fx(formula, result)` is a formula with a cached result; `err(code)`
 * is a plain error cell; `gen(v)` is a string or number in General format; `null` is empty.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

type Cell =
  | string
  | null
  | { kind: 'num'; value: number; fmt?: string }
  | { kind: 'date'; value: Date; fmt?: string }
  | { kind: 'fx'; formula: string; result: unknown }
  | { kind: 'err'; code: string }
  | { kind: 'gen'; value: string | number | boolean }
  | { kind: 'bool'; value: boolean };

const num = (value: number, fmt?: string): Cell =>
  fmt ? { kind: 'num', value, fmt } : { kind: 'num', value };
const date = (y: number, m: number, d: number, h = 0, min = 0, fmt = 'yyyy-mm-dd'): Cell => ({
  kind: 'date',
  value: new Date(Date.UTC(y, m - 1, d, h, min)),
  fmt,
});
const fx = (formula: string, result: unknown): Cell => ({ kind: 'fx', formula, result });
const err = (code: string): Cell => ({ kind: 'err', code });
const gen = (value: string | number | boolean): Cell => ({ kind: 'gen', value });

interface SheetSpec {
  name?: string;
  rows: Cell[][];
  hiddenRows?: number[];
  merges?: string[];
}

const outDir = join(__dirname, 'generated');
mkdirSync(outDir, { recursive: true });

async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [index, spec] of sheets.entries()) {
    const sheet = workbook.addWorksheet(spec.name ?? (index === 0 ? 'Inventory' : `Sheet${index + 1}`));
    spec.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell === null) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (typeof cell === 'string') {
          target.value = cell;
          target.numFmt = '@';
        } else if (cell.kind === 'num') {
          target.value = cell.value;
          if (cell.fmt) target.numFmt = cell.fmt;
        } else if (cell.kind === 'date') {
          target.value = cell.value;
          if (cell.fmt) target.numFmt = cell.fmt;
        } else if (cell.kind === 'fx') {
          target.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
        } else if (cell.kind === 'err') {
          target.value = { error: cell.code } as ExcelJS.CellErrorValue;
        } else {
          target.value = cell.value;
        }
      });
    });
    for (const r of spec.hiddenRows ?? []) sheet.getRow(r).hidden = true;
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  await workbook.xlsx.writeFile(join(outDir, file));
}

function writeText(file: string, text: string | Buffer): void {
  writeFileSync(join(outDir, file), text);
}

const H = ['UPC', 'Quantity', 'Warehouse'];

async function main(): Promise<void> {
  // A01: UPCs stored as Number cells, including ones that pad to a bad check digit.
  await writeWorkbook('a01-upc-numbers.xlsx', [
    {
      rows: [
        H,
        [num(12345678905), num(10), 'Main'], // row 2: 012345678905 restored
        [num(9876543215), num(4), 'Main'], // row 3: 009876543215 restored
        [num(12345678905, '000000000000'), num(3), 'Outlet'], // row 4: shown with zero by format
        [num(10012345678902), num(1), 'Main'], // row 5: GTIN-14 as a number, 14 digits kept
        [num(2001234567893), num(3), 'Main'], // row 6: EAN-13 as a number
        [num(12345678901), num(7), 'Main'], // row 7: pads to 012345678901, bad check digit
        [num(20001230), num(2), 'Main'], // row 8: EAN-8 as a number
        [num(12345678905.5), num(2), 'Outlet'], // row 9: fractional UPC
        [num(-12345678905), num(2), 'Outlet'], // row 10: negative UPC
        [num(812346000000, '0.00E+00'), num(2), 'Outlet'], // row 11: exponent display of a number
        [num(1.0012345678902e13, '0'), num(2), 'Outlet'], // row 12: GTIN-14 number shown with 0 fmt
        [num(Number('123456789012345678')), num(2), 'Outlet'], // row 13: 18-digit number (unsafe integer)
        [num(70), num(2), 'Outlet'], // row 14: tiny number that pads to 000000000070
        [num(0), num(2), 'Outlet'], // row 15: zero UPC
      ],
    },
  ]);

  // A02: UPCs as text in damaged and look-alike forms.
  await writeWorkbook('a02-upc-text-forms.xlsx', [
    {
      rows: [
        H,
        ['8.12346E+11', num(6), 'Main'], // 2 exponent text
        ['2.00123E+12', num(2), 'Main'], // 3
        ['8,12346E+11', num(2), 'Main'], // 4 exponent text with decimal comma
        ['1.23457e11', num(2), 'Main'], // 5 lower-case exponent
        ['0012345678905', num(5), 'Outlet'], // 6 13-digit form
        ['00012345678905', num(5), 'Main'], // 7 14-digit form (dupe of 6's GTIN, other wh)
        ['012345670060', num(2), 'Main'], // 8 check digit 0
        ['20001230', num(2), 'Main'], // 9 EAN-8
        ['012345678901', num(7), 'Main'], // 10 bad check
        ['01234567890', num(7), 'Main'], // 11 11 chars
        ['\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10\uFF15', num(1), 'Main'], // 12 full-width 012345678905
        ['\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0665', num(1), 'Main'], // 13 Arabic-Indic digits
        ['0123 4567 8905', num(1), 'Main'], // 14 internal spaces
        ['012-345678905', num(1), 'Main'], // 15 hyphen
        ["'098765432105", num(1), 'Main'], // 16 leading apostrophe kept as text
        ['<b>098765432105</b>', num(1), 'Main'], // 17 HTML tag
        ['\t098765432105', num(1), 'Outlet'], // 18 leading tab
        ['9'.repeat(5000), num(1), 'Main'], // 19 very long
        ['UPC: 098765432105', num(1), 'Main'], // 20 prefix
        ['O98765432105', num(1), 'Main'], // 21 letter O look-alike
        ['098765432105\u200D', num(1), 'Default'], // 22 zero-width joiner
        ['098765432105\u2060', num(1), 'Main'], // 23 word joiner -> after strip? (Main dupe of 16?)
      ],
    },
  ]);

  // A03: JOOR ids and style identifier: unsafe integers, fractions, text forms.
  await writeWorkbook('a03-joor-ids.xlsx', [
    {
      rows: [
        ['style_id', 'style_color_id', 'size_code', 'inventory', 'warehouse'],
        [num(700100), num(880101), 'SR01-01', num(5), 'Main'], // 2 valid
        [num(Number('1234567890123456789')), num(880101), 'SR01-01', num(5), 'Main'], // 3 unsafe
        [num(700100.5), num(880101), 'SR01-02', num(5), 'Main'], // 4 fraction
        ['700100', '880101', 'SR01-03', num(5), 'Main'], // 5 text digits
        [num(-700100), num(880101), 'SR01-04', num(5), 'Main'], // 6 negative
        ['7001OO', num(880101), 'SR01-05', num(5), 'Main'], // 7 letters
        ['1234567890123456789', num(880101), 'SR01-01', num(5), 'Outlet'], // 8 unsafe as text
        [num(700100), num(880101), num(1), num(5), 'Outlet'], // 9 size_code as a number
        [num(700100, '0.00E+00'), num(880101), 'SR01-02', num(5), 'Outlet'], // 10 exponent display
      ],
    },
  ]);
  await writeWorkbook('a03b-style-identifier-unsafe.xlsx', [
    {
      rows: [
        ['Style Number', 'Style Identifier', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['ST-100', num(Number('1234567890123456789')), '001', 'M', num(5), 'Main'], // 2 unsafe id
        ['ST-100', num(10045), '001', 'L', num(5), 'Main'], // 3 numeric id 10045
        ['ST-100', num(120000, '0.00E+00'), '001', 'S', num(5), 'Main'], // 4 exponent display
        ['ST-100', num(12.5), '001', 'XS', num(5), 'Main'], // 5 fraction
      ],
    },
  ]);

  // A04: style numbers: numbers, exponent displays, leading =, + , -, @, HTML.
  await writeWorkbook('a04-style-numbers.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        [num(10045), '001', 'M', num(5), 'Main'], // 2 -> "10045"
        [num(120000, '0.00E+00'), '001', 'M', num(5), 'Main'], // 3 exponent display -> invalid
        [num(12.5), '001', 'M', num(5), 'Main'], // 4 fraction -> invalid
        ['=ST-100', '001', 'M', num(5), 'Main'], // 5 text starting with =
        ['+ST-100', '001', 'M', num(5), 'Main'], // 6
        ['-ST-100', '001', 'M', num(5), 'Main'], // 7
        ['@ST-100', '001', 'M', num(5), 'Main'], // 8
        ['<script>alert(1)</script>', '001', 'M', num(5), 'Main'], // 9 HTML
        ['ST-' + 'X'.repeat(50000), '001', 'M', num(5), 'Main'], // 10 very long style
        [num(1.2e21), '001', 'M', num(5), 'Main'], // 11 huge number
        [gen('12E4'), '001', 'L', num(5), 'Main'], // 12 General text 12E4 (if Sheets kept it)
        [num(10045), num(1), 'M', num(5), 'Outlet'], // 13 colour code as number 1 (user typed 001?)
        [num(10045), '001', gen(true), num(5), 'Outlet'], // 14 boolean size
      ],
    },
  ]);

  // A05: sizes turned into dates or numbers.
  await writeWorkbook('a05-sizes.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['ST-300', '001', date(2025, 3, 4), num(8), 'Main'], // 2 date from 3-4
        ['ST-300', '001', '5-6', num(8), 'Main'], // 3 valid
        ['ST-300', '001', date(2025, 1, 12, 0, 0, 'mmm-yy'), num(8), 'Main'], // 4 Jan-12 display
        ['ST-300', '001', date(2025, 5, 3, 0, 0, 'd/m'), num(8), 'Main'], // 5 3/5 display
        ['ST-300', '001', num(10), num(8), 'Main'], // 6 numeric size 10 -> "10"
        ['ST-300', '001', num(7.5), num(8), 'Main'], // 7 half shoe size 7.5
        ['ST-300', '001', num(45720, 'dd-mm'), num(8), 'Main'], // 8 number with date format
        ['ST-300', '001', num(0.5, '0%'), num(8), 'Main'], // 9 percent-formatted size
        ['ST-300', '001', num(10, '00'), num(8), 'Outlet'], // 10 number 10 shown as 10
        ['ST-300', '001', num(8, '00'), num(8), 'Outlet'], // 11 number 8 shown as 08
      ],
    },
  ]);

  // A06: whitespace and invisible characters around key fields.
  await writeWorkbook('a06-whitespace.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['ST-100 ', '001', 'M', num(5), 'Main'], // 2
        ['ST-100\u00A0', '001', 'M', num(5), 'Main'], // 3
        ['ST 100', '001', 'M', num(5), 'Main'], // 4 distinct
        ['ST-100', '001', 'M\u200B', num(5), ' Main'], // 5
        ['\uFEFFST-100', '001', 'M', num(5), 'Main'], // 6 BOM
        ['\tST-100\t', '001', 'M', num(5), 'Main'], // 7 tabs
        ['ST-100\u3000', '001', 'M', num(5), 'Main'], // 8 ideographic space
        ['ST-100\u202F', '001', 'M', num(5), 'Main'], // 9 narrow NBSP
        ['ST-100\u2007', '001', 'M', num(5), 'Main'], // 10 figure space
        ['ST-100\u00AD', '001', 'M', num(5), 'Main'], // 11 soft hyphen (invisible)
        ['ST-100\n', '001', 'M', num(5), 'Main'], // 12 trailing newline
        ['ST\u00A0100', '001', 'M', num(5), 'Main'], // 13 internal NBSP: distinct from ST 100?
        ['ST-100', '001', 'M', num(5), 'Main\u00A0'], // 14 NBSP warehouse
        ['ST-100', '001', 'M', num(5), 'main'], // 15 warehouse case
        ['ST-100', ' 001 ', 'L', num(6), 'Outlet'], // 16 padded colour -> valid 001
        ['ST\u2010100', '001', 'XL', num(6), 'Outlet'], // 17 Unicode hyphen look-alike
      ],
    },
  ]);

  // A07: case-sensitivity.
  await writeWorkbook('a07-case.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['ST-100', '001', 'M', num(5), 'Main'],
        ['st-100', '001', 'M', num(7), 'Main'], // distinct, not a duplicate
        ['ST-100', '001', 'm', num(9), 'Main'], // distinct
        ['ST-100', 'abc', 'M', num(9), 'Main'],
        ['ST-100', 'ABC', 'M', num(9), 'Main'],
      ],
    },
  ]);

  // A08: quantities, en_US.
  const quantities: Cell[] = [
    '1,200', // 2 -> 1200
    num(1200, '#,##0'), // 3 -> 1200
    '1 200', // 4 -> 1200
    '1\u00A0200', // 5 -> 1200
    '1.200', // 6 en_US: 1.2 -> invalid
    '1,2', // 7 malformed grouping
    '1,20,000', // 8 Indian grouping
    'N/A', // 9
    null, // 10 blank
    '-', // 11
    'TBD', // 12
    '2.5', // 13
    num(-3), // 14
    'not stocked', // 15
    '12 ', // 16 -> 12
    num(0), // 17 -> 0
    num(12.0000001), // 18 invalid
    num(12.0000000001), // 19 -> 12 (within 1e-9)
    '1e3', // 20 invalid
    '0x10', // 21
    '+5', // 22
    '\u0665', // 23 Arabic-Indic 5
    '\uFF15', // 24 full-width 5
    num(1e20), // 25
    '999999999999999999999', // 26
    gen(true), // 27 boolean
    '(5)', // 28 accounting negative
    num(-5, '0;(0)'), // 29
    '12.0', // 30 -> 12? decimal form of an integer
    '012', // 31 -> 12
    '1_000', // 32
    num(0.05, '0%'), // 33 percent
    date(2025, 1, 5), // 34 date in quantity
    '−3', // 35 U+2212 minus
    '12\t', // 36
    '١٢', // 37 Arabic-Indic 12
    num(3.0000000000000004), // 38 float artefact of 0.1*30 -> 3
    '1,200.50', // 39 invalid
    '5 pcs', // 40
    gen('7'), // 41 General text 7
    '0', // 42 -> 0
    '-0', // 43 -> 0? or invalid
    num(-0), // 44 -> 0
    '٫5', // 45 garbage
  ];
  const upcs = catalogueUpcs(quantities.length);
  await writeWorkbook('a08-quantities-en-us.xlsx', [
    { rows: [H, ...quantities.map((q, i) => [upcs[i] ?? '', q, 'Default'])] },
  ]);

  // A09: quantities in de_DE, fr_FR, de_CH (run with --locale).
  const localeQuantities: Cell[] = [
    '1.200', // 2 de: 1200, fr: ?, ch: ?
    '1,200', // 3 de: 1,2 -> invalid
    '1 200', // 4
    '1\u202F200', // 5 fr narrow NBSP
    "1'200", // 6 ch
    '1\u2019200', // 7 ch typographic apostrophe
    '1,0', // 8 de: 1,0 = 1? decimal form
    '12,5', // 9 invalid
    num(1200, '#,##0'), // 10
    '1.200.000', // 11 de: 1200000
    '1.2.3', // 12 garbage
  ];
  const upcs2 = catalogueUpcs(localeQuantities.length);
  await writeWorkbook('a09-quantities-locale.xlsx', [
    { rows: [H, ...localeQuantities.map((q, i) => [upcs2[i] ?? '', q, 'Default'])] },
  ]);

  // A10: dates in the sheet's zone, DST edges, text forms.
  const dateRows: Cell[][] = [
    [date(2025, 3, 30)], // 2 Berlin spring-forward day
    [date(2025, 10, 26)], // 3 Berlin fall-back day
    [date(2025, 3, 9)], // 4 New York spring-forward
    [date(2025, 11, 2)], // 5 New York fall-back
    [date(2025, 3, 10, 23, 30, 'yyyy-mm-dd hh:mm')], // 6 late evening
    [date(2025, 3, 10, 0, 30, 'yyyy-mm-dd hh:mm')], // 7 just after midnight
    ['10/03/2025'], // 8 ambiguous text
    ['2025-02-29'], // 9 impossible date
    ['31/02/2025'], // 10 impossible date
    ['2025-3-1'], // 11 unpadded ISO
    ['2025-03-10T00:00:00Z'], // 12 ISO datetime
    ['immediate'], // 13 NuORDER placeholder
    [num(45726, 'yyyy-mm-dd')], // 14 serial number with date format (2025-03-10)
    [num(45726)], // 15 bare serial in General
    ['20250310'], // 16 YYYYMMDD text
    [date(1899, 12, 30)], // 17 serial 0
    [date(2011, 12, 30)], // 18 day Samoa skipped
    [date(2025, 4, 6)], // 19 Lord Howe half hour DST end
    ['2025-03-10 '], // 20 trailing space
    [num(45726.9999, 'yyyy-mm-dd')], // 21 serial just before midnight
  ];
  const upcs3 = catalogueUpcs(dateRows.length);
  await writeWorkbook('a10-dates.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
        ...dateRows.map((d, i) => [upcs3[i] ?? '', num(1), 'Default', d[0] ?? null]),
      ],
    },
  ]);

  // A11: headers in other orders, cases, merged, with newline, duplicated.
  await writeWorkbook('a11a-header-order-case.xlsx', [
    {
      rows: [
        ['wAREHOUSE', 'qty', 'upc'],
        ['Default', num(3), '084567000017'],
        ['Default', num(4), '084567000024'],
      ],
    },
  ]);
  await writeWorkbook('a11b-header-merged.xlsx', [
    {
      rows: [
        ['Inventory', null, null],
        ['UPC', 'Quantity', 'Warehouse'],
        ['084567000017', num(3), 'Default'],
      ],
      merges: ['A1:C1'],
    },
    {
      name: 'MergedHeader',
      rows: [
        ['UPC', null, 'Quantity', 'Warehouse'],
        ['084567000017', 'note', num(3), 'Default'],
      ],
      merges: ['A1:B1'],
    },
  ]);
  await writeWorkbook('a11c-header-newline-dupe.xlsx', [
    {
      rows: [
        ['UPC', 'Qty\nAvailable', 'Quantity', 'Warehouse'],
        ['084567000017', num(3), num(9), 'Default'],
      ],
    },
  ]);
  await writeWorkbook('a11d-header-html-bom.xlsx', [
    {
      rows: [
        ['\uFEFFUPC', '<b>Quantity</b>', 'Warehouse '],
        ['084567000017', num(3), 'Default'],
      ],
    },
  ]);
  await writeWorkbook('a11e-header-only-upc-and-qty.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity'],
        ['084567000017', num(3)],
      ],
    },
  ]);
  await writeWorkbook('a11f-header-ean-and-upc-differ.xlsx', [
    {
      rows: [
        ['EAN', 'UPC', 'Quantity', 'Warehouse'],
        ['0084567000017', '084567000024', num(3), 'Default'],
      ],
    },
  ]);

  // A12: hidden rows.
  await writeWorkbook('a12-hidden-rows.xlsx', [
    {
      rows: [
        H,
        ['084567000017', num(1), 'Default'],
        ['084567000024', num(2), 'Default'],
        ['084567000031', num(3), 'Default'],
        ['084567000048', 'N/A', 'Default'],
      ],
      hiddenRows: [4, 5],
    },
  ]);

  // A13: formula errors and cached results.
  await writeWorkbook('a13-formulas.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
        ['084567000017', fx('VLOOKUP(A2,Stock!A:B,2,FALSE)', { error: '#N/A' }), 'Default', null], // 2
        ['084567000024', fx('Stock!B9', { error: '#REF!' }), 'Default', null], // 3
        ['084567000031', fx('1/0', { error: '#DIV/0!' }), 'Default', null], // 4
        ['084567000048', fx('FOO()', { error: '#NAME?' }), 'Default', null], // 5
        ['084567000055', fx('"a"+1', { error: '#VALUE!' }), 'Default', null], // 6
        [fx('IMPORTRANGE("x","A1")', 'Loading...'), num(4), 'Default', null], // 7
        ['084567000062', fx('2+3', 5), 'Default', null], // 8 valid 5
        ['084567000079', fx('2+3', undefined), 'Default', null], // 9 no cached result
        ['084567000086', num(1), fx('X1', { error: '#N/A' }), null], // 10 warehouse error
        ['084567000093', num(1), 'Default', fx('X1', { error: '#VALUE!' })], // 11 date error
        ['084567000109', err('#N/A'), 'Default', null], // 12 plain error cell
        [fx('TEXT(84567000116,"000000000000")', '084567000116'), num(2), 'Default', null], // 13 text result
        ['084567000123', fx('A1', '#N/A'), 'Default', null], // 14 text '#N/A' result
        ['084567000130', '#N/A', 'Default', null], // 15 typed text #N/A
        ['084567000147', fx('NOW()', { error: '#ERROR!' }), 'Default', null], // 16 Sheets parse error
      ],
    },
  ]);

  // A14: duplicates across forms.
  await writeWorkbook('a14-duplicates.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
        ['012345678905', num(5), 'Main', null], // 2
        ['012345678905', num(7), 'Main', null], // 3
        [num(12345678905), num(5), 'Main', null], // 4
        ['012345678905', num(3), 'Outlet', null], // 5
        ['012345678905', num(10), 'Main', date(2025, 5, 1)], // 6
        ['0098765432105', num(4), 'Main', null], // 7 13-digit form
        ['009876543215', num(4), 'Main', null], // 8 same GTIN, same qty
        ['00009876543215', num(4), 'Main', null], // 9 14-digit same
        ['098765432105', num(1), 'Main', date(2025, 5, 1)], // 10
        ['098765432105', num(1), 'Main', '2025-05-01'], // 11 same date as text
        ['098765432105', num(2), 'Main ', date(2025, 5, 1)], // 12 padded warehouse, other qty
      ],
    },
  ]);

  // A15: totals and blank rows.
  await writeWorkbook('a15-totals.xlsx', [
    {
      rows: [
        ['Inventory export', null, null, null, null, null],
        ['Generated 2025-03-01', null, null, null, null, null],
        ['UPC ', 'Style #', 'Colour Code', 'Size', 'Qty Available', 'Whse'],
        ['084567000017', 'SS27-TEE-01', '001', 'XS', num(12), 'Default'],
        ['084567000024', 'SS27-TEE-01', '001', 'S', num(5), 'Default'],
        [null, null, null, null, null, null],
        ['TOTAL', null, null, null, fx('SUM(E4:E5)', 17), null],
        [null, null, null, null, num(17), null],
        ['Grand total', null, null, null, num(17), 'Default'],
        [null, 'Total', null, null, num(17), 'Default'],
      ],
    },
  ]);

  // A16: delimited text in one column.
  await writeWorkbook('a16-delimited.xlsx', [
    {
      name: 'Pipe',
      rows: [['Warehouse|StockItemKey|Available Date|Quantity'], ['Default|084567000017|20250310|4']],
    },
    { name: 'Tab', rows: [['UPC\tQuantity\tWarehouse'], ['084567000017\t4\tDefault']] },
    { name: 'Semicolon', rows: [['UPC;Quantity;Warehouse'], ['084567000017;4;Default']] },
  ]);

  // A17: size matrix.
  await writeWorkbook('a17-size-matrix.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'XS', 'S', 'M', 'L', 'XL', 'Warehouse'],
        ['SS27-TEE-01', '001', num(1), num(2), num(3), num(4), num(5), 'Default'],
      ],
    },
    {
      name: 'Numeric sizes',
      rows: [
        ['Style', 'Colour', '26', '28', '30', '32', 'Whse'],
        ['SS27-JEAN-01', '410', num(1), num(2), num(3), num(4), 'Default'],
      ],
    },
  ]);

  // A18: every row invalid; A19: only a header; A19b: header and blank rows; A20: two tables.
  await writeWorkbook('a18-all-invalid.xlsx', [
    {
      rows: [
        H,
        ['012345678901', num(1), 'Default'],
        ['084567000017', 'N/A', 'Default'],
        ['', num(3), 'Default'],
      ],
    },
  ]);
  await writeWorkbook('a19-header-only.xlsx', [{ rows: [H] }]);
  await writeWorkbook('a19b-empty-sheet.xlsx', [{ rows: [] }]);
  await writeWorkbook('a20-two-tables.xlsx', [
    {
      rows: [
        H,
        ['084567000017', num(1), 'Default'],
        ['084567000024', num(2), 'Default'],
        [null, null, null],
        ['Outlet stock', null, null],
        H,
        ['084567000031', num(3), 'Default'],
        ['084567000048', num(4), 'Default'],
      ],
    },
  ]);

  // A21: made to order values and warehouses.
  await writeWorkbook('a21-made-to-order.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Made to order'],
        ['084567000017', num(1), 'Default', 'yes'],
        ['084567000024', num(1), 'Default', 'TRUE'],
        ['084567000031', num(1), 'Default', gen(true)],
        ['084567000048', num(1), 'Default', 'maybe'],
        ['084567000055', num(1), 'Default', num(1)],
        ['084567000062', num(1), 'Default', 'no'],
        ['084567000079', num(1), 'Default', 'x'],
        ['084567000086', num(1), 'Default', num(2)],
      ],
    },
  ]);

  // A22: CSV inputs.
  writeText(
    'c01-bom-crlf.csv',
    '\uFEFFUPC,Quantity,Warehouse\r\n084567000017,1,Default\r\n084567000024,"1,200",Default\r\n',
  );
  writeText(
    'c02-semicolon-de.csv',
    'UPC;Menge;Lager\n084567000017;1.200;Default\n084567000024;2,5;Default\n',
  );
  writeText('c03-tab.csv', 'UPC\tQuantity\tWarehouse\n084567000017\t3\tDefault\n');
  writeText('c04-empty.csv', '');
  writeText('c05-header-only.csv', 'UPC,Quantity,Warehouse\n');
  writeText('c06-binary.csv', Buffer.from([0, 1, 2, 255, 254, 0, 10, 13, 0]));
  writeText(
    'c07-unbalanced-quote.csv',
    'UPC,Quantity,Warehouse\n"084567000017,1,Default\n084567000024,2,Default\n',
  );
  writeText(
    'c08-utf16.csv',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('UPC,Quantity,Warehouse\n084567000017,1,Default\n', 'utf16le'),
    ]),
  );
  writeText('c09-csv-as-xlsx.xlsx', 'UPC,Quantity,Warehouse\n084567000017,1,Default\n');
  writeText(
    'c10-formula-injection.csv',
    'UPC,Quantity,Warehouse,Style Number\n084567000017,1,Default,=HYPERLINK("x")\n084567000024,=1+1,Default,SS27\n',
  );
  writeText(
    'c11-sci.csv',
    'UPC,Quantity,Warehouse\n8.45670E+11,1,Default\n84567000017,2,Default\n084567000024,1 200,Default\n',
  );
  writeText('c12-wide-row.csv', `UPC,Quantity,Warehouse\n084567000017,1,Default${',x'.repeat(20000)}\n`);
  await moreInputs();
}

async function moreInputs(): Promise<void> {
  // A22: style numbers that differ only in punctuation, pushed together. JOOR's catalogue has
  // SS27-TEE-01 / 001 / M; the other spellings do not exist there.
  await writeWorkbook('a22-punctuation-collision.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['SS27-TEE-01', '001', 'M', num(5), 'Default'], // 2 exists: pass
        ['SS27TEE01', '001', 'M', num(6), 'Default'], // 3 not in JOOR: fail
        ['+SS27-TEE-01', '001', 'M', num(7), 'Default'], // 4 not in JOOR: fail
        ['SS27-TEE-01', '001', 'L', num(8), 'Default'], // 5 exists: pass
        ['SS27/TEE/01', '001', 'L', num(9), 'Default'], // 6 not in JOOR: fail
      ],
    },
  ]);
  await writeWorkbook('a22b-punctuation-collision-reversed.xlsx', [
    {
      rows: [
        ['Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['SS27TEE01', '001', 'M', num(6), 'Default'], // 2 not in JOOR: fail
        ['SS27-TEE-01', '001', 'M', num(5), 'Default'], // 3 exists: pass
      ],
    },
  ]);

  // A23: Date cells on days whose midnight does not exist in the sheet's zone (DST starts at
  // 00:00): Santiago 2025-09-07, Havana 2025-03-09, Beirut 2025-03-30, Asuncion 2024-10-06,
  // Cairo 2025-04-25, plus the day before each.
  await writeWorkbook('a23-midnight-dst.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
        ['084567000017', num(1), 'Default', date(2025, 9, 7)],
        ['084567000024', num(1), 'Default', date(2025, 9, 6)],
        ['084567000031', num(1), 'Default', date(2025, 3, 9)],
        ['084567000048', num(1), 'Default', date(2025, 3, 30)],
        ['084567000055', num(1), 'Default', date(2024, 10, 6)],
        ['084567000062', num(1), 'Default', date(2025, 4, 25)],
        ['084567000079', num(1), 'Default', date(2025, 4, 5)], // Santiago DST end 2025-04-06 00:00
        ['084567000086', num(1), 'Default', date(2025, 4, 6)],
      ],
    },
  ]);

  // A24: status cell lengths: a 50,000-character style number and a 49,000-character UPC.
  await writeWorkbook('a24-huge-cells.xlsx', [
    {
      rows: [
        ['UPC', 'Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['', 'S'.repeat(49990), '001', 'M', num(1), 'Default'],
        ['1'.repeat(49000), '', '', '', num(1), 'Default'],
        ['084567000017', '', '', '', 'N'.repeat(49990), 'Default'],
        ['084567000024', '', '', '', num(1), 'W'.repeat(49990)],
      ],
    },
  ]);

  // A25: a zero UPC and placeholder UPCs an ERP writes for "no barcode".
  await writeWorkbook('a25-placeholder-upc.xlsx', [
    {
      rows: [
        H,
        ['000000000000', num(1), 'Default'],
        [num(0), num(1), 'Default'],
        ['00000000', num(1), 'Default'],
        ['0000000000000', num(1), 'Outlet'],
      ],
    },
  ]);
  await writeWorkbook('a26-date-serial-zero.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
        ['084567000017', num(1), 'Default', fx('IFERROR(VLOOKUP(A2,Dates!A:B,2,FALSE),"")', '')],
        ['084567000024', num(1), 'Default', { kind: 'num', value: 0, fmt: 'yyyy-mm-dd' }],
        ['084567000031', num(1), 'Default', fx('VLOOKUP(A4,Dates!A:B,2,FALSE)', 0)],
        ['084567000048', num(1), 'Default', date(1900, 1, 1)],
      ],
    },
  ]);
  await evenMoreInputs();
}

async function evenMoreInputs(): Promise<void> {
  // A27: quantity-like headers that are not the quantity available to sell, one per sheet.
  const notAts = [
    'Qty On Order',
    'Qty Sold',
    'Reserved Qty',
    'Case Qty',
    'Min Qty',
    'Qty Per Carton',
    'On Hand',
    'Inventory',
    'Open Qty',
  ];
  await writeWorkbook(
    'a27-quantity-like-headers.xlsx',
    notAts.map((header, index) => ({
      name: `H${index + 1}`,
      rows: [
        ['UPC', header, 'Warehouse'],
        ['084567000017', num(12), 'Default'],
      ],
    })),
  );
  await writeWorkbook('a27b-size-code-and-sku.xlsx', [
    {
      name: 'SizeCode',
      rows: [
        ['Style Number', 'Color Code', 'Size Code', 'Quantity', 'Warehouse'],
        ['SS27-TEE-01', '001', 'M', num(3), 'Default'],
      ],
    },
    {
      name: 'Sku',
      rows: [
        ['SKU', 'Quantity', 'Warehouse'],
        ['SS27-TEE-01-001-M', num(3), 'Default'],
      ],
    },
    {
      name: 'ColorName',
      rows: [
        ['Style Number', 'Color', 'Size', 'Quantity', 'Warehouse'],
        ['SS27-TEE-01', 'Black', 'M', num(3), 'Default'],
      ],
    },
  ]);

  // A28: a row with an invalid UPC and a complete style tuple must not fall back silently.
  await writeWorkbook('a28-bad-upc-with-style.xlsx', [
    {
      rows: [
        ['UPC', 'Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'],
        ['084567000018', 'SS27-TEE-01', '001', 'XS', num(3), 'Default'], // bad check digit
        ['8.45670E+11', 'SS27-TEE-01', '001', 'S', num(3), 'Default'], // exponent text
        ['084567000031', 'SS27-TEE-01', '001', 'L', num(3), 'Default'], // UPC is M, style says L
        [
          fx('VLOOKUP(B5,Codes!A:B,2,FALSE)', { error: '#N/A' }),
          'SS27-TEE-01',
          '001',
          'XL',
          num(3),
          'Default',
        ],
      ],
    },
  ]);
  await mergedInputs();
}

async function mergedInputs(): Promise<void> {
  // A29: merged data cells. Sheets returns the value only in the top-left cell of a merge, so
  // rows 3-4 read a blank warehouse and a blank date although the sheet shows "Outlet" and
  // 2027-01-20 beside them.
  await writeWorkbook('a29-merged-data-cells.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Warehouse', 'Inventory Date'],
        ['084567000017', num(1), 'Outlet', date(2027, 1, 20)],
        ['084567000024', num(2), null, null],
        ['084567000031', num(3), null, null],
        ['084567000048', num(4), 'Default', null],
      ],
      merges: ['C2:C4', 'D2:D4'],
    },
  ]);

  // A30: two tables on one sheet whose columns are in different orders. The second header
  // swaps "Quantity" and "Reserved", so its rows carry the reserved count where the first
  // header has the quantity.
  await writeWorkbook('a30-two-tables-swapped.xlsx', [
    {
      rows: [
        ['UPC', 'Quantity', 'Reserved', 'Warehouse'],
        ['084567000017', num(10), num(1), 'Default'],
        [null, null, null, null],
        ['UPC', 'Reserved', 'Quantity', 'Warehouse'],
        ['084567000024', num(2), num(20), 'Default'],
        ['084567000031', num(3), num(30), 'Default'],
      ],
    },
  ]);
}

function catalogueUpcs(count: number): string[] {
  // Valid 12-digit UPC-A codes from the demo catalogue (examples/catalogue.json).
  const seed = JSON.parse(readFileSync(join(__dirname, '../../../examples/catalogue.json'), 'utf8')) as {
    catalogue: Array<{ upc?: string }>;
  };
  return seed.catalogue
    .map((entry) => entry.upc)
    .filter((upc): upc is string => typeof upc === 'string')
    .slice(0, count);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
