/**
 * Small built-in catalogue used when no seed file is given and `examples/catalogue.json` is absent:
 * two styles in two colours and three sizes, a future warehouse and two pending orders.
 */

import type { EmulatorSeed, SeedSku } from './seed-types';

/** Appends the GS1 mod-10 check digit to the first 11 digits of a UPC-A. */
function withCheckDigit(elevenDigits: string): string {
  const sum = [...elevenDigits].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1),
    0,
  );
  return elevenDigits + String((10 - (sum % 10)) % 10);
}

function createDemoCatalogue(): SeedSku[] {
  const styles = [
    { style_id: 700101, style_number: 'SS25-TEE', colors: ['010', '410'] },
    { style_id: 700102, style_number: '00123', colors: ['001', '200'] },
  ];
  const sizes = ['S', 'M', 'L'];
  const catalogue: SeedSku[] = [];
  styles.forEach((style, styleIndex) => {
    style.colors.forEach((color, colorIndex) => {
      sizes.forEach((size, sizeIndex) => {
        catalogue.push({
          style_id: style.style_id,
          style_color_id: 880000 + styleIndex * 10 + colorIndex,
          style_number: style.style_number,
          style_identifier: style.style_number,
          color_code: color,
          size,
          size_code: `SR1-0${sizeIndex + 1}`,
          upc: withCheckDigit(
            `0${String(1234500 + styleIndex * 100 + colorIndex * 10 + sizeIndex).padStart(10, '0')}`,
          ),
        });
      });
    });
  });
  return catalogue;
}

export function createDemoSeed(): EmulatorSeed {
  const catalogue = createDemoCatalogue();
  return {
    accountId: '4821',
    token: 'demo-3f9a61c2d84b4e07a5c1',
    warehouses: ['Fall Future'],
    warehouseCodes: { Default: 'DEF', 'Fall Future': 'FF' },
    catalogue,
    v4Credentials: {
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      username: 'demo@example.com',
      password: 'demo-password',
    },
    pending: [
      { upc: catalogue[0]?.upc, warehouse: 'Default', quantity: 3, status: 'pending' },
      { upc: catalogue[0]?.upc, warehouse: 'Default', quantity: 2, status: 'notes' },
    ],
  };
}
