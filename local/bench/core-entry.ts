/**
 * The core functions the benchmark times, bundled by esbuild as the add-on is, so calls between
 * core modules are direct calls rather than the export getters of tsx's CommonJS output.
 */

export { fingerprintLine, hashToken } from '../../src/core/push/fingerprint';
export { buildBulkRequest } from '../../src/core/push/payload';
export { planBatches } from '../../src/core/push/plan';
export { scopeRun } from '../../src/core/run/scope';
export { validateSheet } from '../../src/core/validation';
export { RESERVED_HEADERS } from '../../src/server/gas/sheet';
