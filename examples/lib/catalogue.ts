/**
 * The demo brand's catalogue: a small spring/summer fashion range with alpha, numeric, shoe and
 * kids' sizes, turned into the emulator seed that `npm start` and `npm run emulator` load.
 */

import type { EmulatorSeed, SeedPendingOrder, SeedPosition, SeedSku } from '../../local/emulator/seed-types';
import { appendGs1CheckDigit, createSeededRandom, pickInteger } from './gtin';

export const DEMO_ACCOUNT_ID = '900001';
/** Obviously fake; the emulator accepts it as `Authorization: OAuth2 base64(token)`. */
export const DEMO_TOKEN = 'demo-token-not-a-secret-0000';
export const DEFAULT_WAREHOUSE = 'Default';
export const FUTURE_WAREHOUSE = 'Spring 2027 Future';

const ALPHA_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const WAIST_SIZES = ['26', '28', '30', '32', '34', '36'];
const SHOE_SIZES = ['6', '7', '8', '9', '10', '11'];
/** Kids' sizes typed as ranges: Sheets turns an unformatted `3-4` into a date. */
const KIDS_SIZES = ['2-3', '4-5', '6-7', '8-9'];
const ONE_SIZE = ['OS'];

const COLOURS: Record<string, string> = {
  '001': 'Black',
  '010': 'Charcoal',
  '100': 'White',
  '250': 'Sand',
  '300': 'Olive',
  '410': 'Navy',
  '600': 'Red',
  '720': 'Sky',
};

interface StyleDefinition {
  styleNumber: string;
  /** JOOR style identifier; equals the style number unless the brand keys styles by colourway. */
  styleIdentifier?: string;
  description: string;
  colours: string[];
  sizes: string[];
}

const STYLES: StyleDefinition[] = [
  {
    styleNumber: 'SS27-TEE-01',
    description: 'Crew tee',
    colours: ['001', '100', '410', '720'],
    sizes: ALPHA_SIZES,
  },
  {
    styleNumber: 'SS27-TEE-02',
    description: 'V-neck tee',
    colours: ['001', '100', '250'],
    sizes: ALPHA_SIZES,
  },
  { styleNumber: 'SS27-TEE-03', description: 'Pocket tee', colours: ['010', '300'], sizes: ALPHA_SIZES },
  {
    styleNumber: 'SS27-POLO-01',
    description: 'Pique polo',
    colours: ['100', '410', '600'],
    sizes: ALPHA_SIZES,
  },
  { styleNumber: 'SS27-SHIRT-01', description: 'Oxford shirt', colours: ['100', '720'], sizes: ALPHA_SIZES },
  {
    styleNumber: 'SS27-SHIRT-02',
    styleIdentifier: 'SS27-SHIRT-02-LINEN',
    description: 'Linen shirt',
    colours: ['100', '250', '720'],
    sizes: ALPHA_SIZES,
  },
  {
    styleNumber: 'SS27-KNIT-01',
    description: 'Cotton crewneck',
    colours: ['010', '250', '410'],
    sizes: ALPHA_SIZES,
  },
  {
    styleNumber: 'SS27-HOOD-01',
    description: 'Zip hoodie',
    colours: ['001', '010', '300'],
    sizes: ALPHA_SIZES,
  },
  { styleNumber: 'SS27-JEAN-01', description: 'Slim jean', colours: ['410', '001'], sizes: WAIST_SIZES },
  { styleNumber: 'SS27-JEAN-02', description: 'Relaxed jean', colours: ['410', '720'], sizes: WAIST_SIZES },
  { styleNumber: 'SS27-CHINO-01', description: 'Chino', colours: ['250', '300', '410'], sizes: WAIST_SIZES },
  { styleNumber: 'SS27-SHORT-01', description: 'Chino short', colours: ['250', '410'], sizes: WAIST_SIZES },
  {
    styleNumber: 'SS27-SHORT-02',
    description: 'Swim short',
    colours: ['600', '720', '001'],
    sizes: ALPHA_SIZES,
  },
  { styleNumber: 'SS27-DRESS-01', description: 'Shirt dress', colours: ['100', '410'], sizes: ALPHA_SIZES },
  {
    styleNumber: 'SS27-DRESS-02',
    styleIdentifier: 'SS27-DRESS-02-MIDI',
    description: 'Midi dress',
    colours: ['001', '600', '250'],
    sizes: ALPHA_SIZES,
  },
  { styleNumber: 'SS27-SKIRT-01', description: 'Pleated skirt', colours: ['001', '250'], sizes: ALPHA_SIZES },
  { styleNumber: 'SS27-JACKET-01', description: 'Chore jacket', colours: ['300', '410'], sizes: ALPHA_SIZES },
  {
    styleNumber: 'SS27-JACKET-02',
    description: 'Rain jacket',
    colours: ['001', '600', '720'],
    sizes: ALPHA_SIZES,
  },
  { styleNumber: 'SS27-SNKR-01', description: 'Canvas sneaker', colours: ['001', '100'], sizes: SHOE_SIZES },
  { styleNumber: 'SS27-SNKR-02', description: 'Leather sneaker', colours: ['100', '410'], sizes: SHOE_SIZES },
  {
    styleNumber: 'SS27-SAND-01',
    description: 'Slide sandal',
    colours: ['001', '250', '600'],
    sizes: SHOE_SIZES,
  },
  {
    styleNumber: 'SS27-KIDS-TEE-01',
    description: 'Kids tee',
    colours: ['100', '720', '600'],
    sizes: KIDS_SIZES,
  },
  {
    styleNumber: 'SS27-KIDS-SHORT-01',
    styleIdentifier: 'KSS27-SHORT-01',
    description: 'Kids short',
    colours: ['410', '250'],
    sizes: KIDS_SIZES,
  },
  {
    styleNumber: 'SS27-CAP-01',
    description: 'Baseball cap',
    colours: ['001', '410', '250', '600'],
    sizes: ONE_SIZE,
  },
  { styleNumber: 'SS27-TOTE-01', description: 'Canvas tote', colours: ['250', '001'], sizes: ONE_SIZE },
  {
    styleNumber: 'SS27-SOCK-01',
    description: 'Crew sock 3-pack',
    colours: ['001', '100'],
    sizes: ['S', 'M', 'L'],
  },
];

/** One SKU of the demo catalogue with its display details for the example workbook. */
export interface CatalogueEntry extends SeedSku {
  upc: string;
  description: string;
  colourName: string;
}

/**
 * Builds the catalogue. Most UPCs use a GS1 company prefix that starts with 0, so the example
 * workbook meets the leading-zero trap. The last six styles use a prefix without a leading zero.
 */
export function buildCatalogue(): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  let styleColorId = 880100;
  let itemReference = 1;

  STYLES.forEach((style, styleIndex) => {
    const companyPrefix = styleIndex < 20 ? '084567' : '845670';
    const sizeRun = `SR${String(styleIndex + 1).padStart(2, '0')}`;
    for (const colourCode of style.colours) {
      styleColorId += 1;
      style.sizes.forEach((size, sizeIndex) => {
        const reference = String(itemReference).padStart(5, '0');
        itemReference += 1;
        entries.push({
          style_id: 700100 + styleIndex,
          style_color_id: styleColorId,
          style_number: style.styleNumber,
          style_identifier: style.styleIdentifier ?? style.styleNumber,
          color_code: colourCode,
          size,
          size_code: `${sizeRun}-${String(sizeIndex + 1).padStart(2, '0')}`,
          upc: appendGs1CheckDigit(companyPrefix + reference),
          description: style.description,
          colourName: COLOURS[colourCode] ?? colourCode,
        });
      });
    }
  });
  return entries;
}

/** Builds the emulator seed: account, token, warehouses, catalogue, pending orders and positions. */
export function buildSeed(catalogue: CatalogueEntry[]): EmulatorSeed {
  const random = createSeededRandom(2027);
  const skus: SeedSku[] = catalogue.map(({ description: _d, colourName: _c, ...sku }) => sku);

  const pending: SeedPendingOrder[] = [];
  const statuses: SeedPendingOrder['status'][] = ['pending', 'pending', 'notes', 'approved'];
  for (let i = 0; i < 8; i++) {
    const sku = catalogue[pickInteger(random, 0, catalogue.length - 1)]!;
    pending.push({
      upc: sku.upc,
      warehouse: DEFAULT_WAREHOUSE,
      quantity: pickInteger(random, 1, 6),
      status: statuses[i % statuses.length]!,
    });
  }
  const byIds = catalogue[3]!;
  pending.push({
    style_id: byIds.style_id,
    style_color_id: byIds.style_color_id,
    size_code: byIds.size_code,
    warehouse: DEFAULT_WAREHOUSE,
    quantity: 2,
    status: 'pending',
  });

  // Positions left by an earlier sync, so an overwrite push visibly clears what the sheet omits.
  const positions: SeedPosition[] = catalogue
    .filter((_, index) => index % 37 === 5)
    .map((sku) => ({ upc: sku.upc, warehouse: DEFAULT_WAREHOUSE, quantity: pickInteger(random, 1, 40) }));

  return {
    accountId: DEMO_ACCOUNT_ID,
    token: DEMO_TOKEN,
    warehouses: [DEFAULT_WAREHOUSE, FUTURE_WAREHOUSE],
    warehouseCodes: { [DEFAULT_WAREHOUSE]: 'DEF', [FUTURE_WAREHOUSE]: 'SP27F' },
    catalogue: skus,
    pending,
    positions,
  };
}
