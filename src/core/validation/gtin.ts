/**
 * GS1 GTIN check digits (GTIN-8, UPC-A/GTIN-12, EAN-13, GTIN-14). Leading zeros add nothing to
 * the mod-10 sum, so a code and its zero-padded forms are valid together or not at all.
 */

export const GTIN_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);

/**
 * Computes the check digit for the digits before the last one. Weights alternate 3, 1 from the
 * rightmost data digit, as GS1 defines for every GTIN length.
 */
export function computeCheckDigit(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 2; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 0x30) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of a digits-only string is its GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  return computeCheckDigit(digits) === digits.charCodeAt(digits.length - 1) - 0x30;
}

/** Pads a code to the GTIN-14 form, which compares codes written with 8, 12, 13 or 14 digits. */
export function toGtin14(digits: string): string {
  return digits.length >= 14 ? digits : '00000000000000'.slice(digits.length) + digits;
}
