/**
 * Writes an all-valid inventory workbook of any size for the benchmark, with the emulator seed
 * that makes every row pass. It uses exceljs's streaming writer, which flushes each committed
 * row to the file.
 * Run directly with `node --import tsx local/bench/make-workbook.ts ROWS FILE` to inspect one.
 */

import ExcelJS from 'exceljs';
import { appendGs1CheckDigit } from '../../examples/lib/gtin';
import type { EmulatorSeed, SeedSku } from '../emulator/seed-types';

const WAREHOUSE = 'Default';
const COLOUR_CODES = ['001', '100', '410', '600'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '2XL', '3XL'];
const SKUS_PER_STYLE = COLOUR_CODES.length * SIZES.length;
/** One row in this many leaves the UPC blank, so the style tuple identifies the SKU. */
const STYLE_TUPLE_EVERY = 500;
/** UPC-A bodies are `07` + a 9-digit index, so the generator supports up to 999,999,999 rows. */
const MAX_ROWS = 999_999_999;

export const BENCH_HEADER = ['UPC', 'Style Number', 'Color Code', 'Size', 'Quantity', 'Warehouse'];

/** Returns the SKU of the given 0-based row index. */
function buildSku(index: number): SeedSku & { upc: string } {
  const styleIndex = Math.floor(index / SKUS_PER_STYLE);
  const colourIndex = Math.floor((index % SKUS_PER_STYLE) / SIZES.length);
  const sizeIndex = index % SIZES.length;
  const styleNumber = `BENCH-${String(styleIndex + 1).padStart(5, '0')}`;
  return {
    style_id: 500_000 + styleIndex,
    style_color_id: 5_000_000 + Math.floor(index / SIZES.length),
    style_number: styleNumber,
    style_identifier: styleNumber,
    color_code: COLOUR_CODES[colourIndex]!,
    size: SIZES[sizeIndex]!,
    size_code: `BR-${String(sizeIndex + 1).padStart(2, '0')}`,
    upc: appendGs1CheckDigit(`07${String(index).padStart(9, '0')}`),
  };
}

/**
 * Writes `rows` valid data rows under a header on row 1 (UPC, Style Number, Color Code, Size,
 * Quantity, Warehouse) to `path`, and returns a seed whose catalogue contains every SKU. Rows
 * 1 in 500 have no UPC and are matched by style number, colour code and size instead.
 */
export async function makeBenchWorkbook(rows: number, path: string): Promise<{ seed: EmulatorSeed }> {
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS) {
    throw new RangeError(`Row count must be a whole number from 1 to ${MAX_ROWS}, got ${rows}.`);
  }

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Inventory', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = BENCH_HEADER.map((header, index) => ({
    header,
    width: index === 0 ? 16 : 14,
    // Identifier columns are plain text, as a brand's sheet should be, so leading zeros survive.
    style: index < 4 ? { numFmt: '@' } : {},
  }));

  const catalogue: SeedSku[] = [];
  for (let index = 0; index < rows; index++) {
    const sku = buildSku(index);
    catalogue.push(sku);
    const upc = index % STYLE_TUPLE_EVERY === STYLE_TUPLE_EVERY - 1 ? null : sku.upc;
    sheet.addRow([upc, sku.style_number, sku.color_code, sku.size, index % 97, WAREHOUSE]).commit();
  }

  sheet.commit();
  await workbook.commit();
  return {
    seed: {
      accountId: '900002',
      token: 'bench-token-not-a-secret-0000',
      warehouses: [WAREHOUSE],
      catalogue,
    },
  };
}

if (require.main === module) {
  const [rowsArgument, file] = process.argv.slice(2);
  if (rowsArgument === undefined || file === undefined) {
    console.error('Usage: node --import tsx local/bench/make-workbook.ts ROWS FILE.xlsx');
    process.exitCode = 2;
  } else {
    const started = Date.now();
    makeBenchWorkbook(Number(rowsArgument), file).then(
      ({ seed }) => {
        console.log(
          `Wrote ${rowsArgument} rows to ${file} in ${Date.now() - started} ms (${seed.catalogue.length} SKUs).`,
        );
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  }
}
