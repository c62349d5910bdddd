/**
 * GS1 check digits and a seeded random generator shared by the example, fixture and benchmark
 * generators. Seeded randomness makes every generated file contain the same cells on every run.
 */

/** Computes the GS1 mod-10 check digit for the digits of a GTIN without its check digit. */
export function computeGs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) {
    throw new Error(`GTIN body must be digits only, got "${body}"`);
  }
  let sum = 0;
  // Weights alternate 3, 1, 3 … starting from the digit next to the check digit.
  for (let offset = 0; offset < body.length; offset++) {
    const digit = Number(body[body.length - 1 - offset]);
    sum += offset % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the GS1 check digit to `body` (7, 11, 12 or 13 digits give GTIN-8, -12, -13, -14). */
export function appendGs1CheckDigit(body: string): string {
  return body + String(computeGs1CheckDigit(body));
}

/** Returns true when `code` is 8, 12, 13 or 14 digits and its last digit is the GS1 check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) {
    return false;
  }
  return computeGs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** Returns `code` with its check digit replaced by a wrong one, for invalid-code examples. */
export function breakCheckDigit(code: string): string {
  const good = Number(code.slice(-1));
  return code.slice(0, -1) + String((good + 3) % 10);
}

/** Creates a deterministic pseudo-random generator (mulberry32) returning floats in [0, 1). */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a whole number in [min, max] from a generator made by `createSeededRandom`. */
export function pickInteger(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
