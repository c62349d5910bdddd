// State and conversions shared by the Spreadsheet, Sheet and Range fakes: the runtime's Date
// class, the call counter, and the mapping between stored cells and Apps Script values.

import { isDateFormat } from './display';
import { type LocaleConventions, localeConventions } from './locale';
import {
  type CellValue,
  effectiveNumberFormat,
  GENERAL_FORMAT,
  type SheetModel,
  type Workbook,
} from './model';
import { type ParsedInput, parseTypedInput, type TypedInputContext } from './typed-input';
import type { CallCounter, UiHost } from './ui';
import { instantToSerial, serialToInstant } from './zone';

/** Services and classes the runtime passes to `createSpreadsheetApp`. */
export interface FakeEnvironment {
  /**
   * The one Date class of the gas-local context. Every Date the fake returns is made with it,
   * so `value instanceof Date` is true inside the script. It also reads the virtual clock.
   */
  DateCtor: DateConstructor;
  /** Call counter, invoked once per public fake method call as `onCall('Range', 'getValues')`. It may throw. */
  onCall: CallCounter;
  ui: UiHost;
  /** The context's Error class for the errors the fake throws, or Node's Error when absent. */
  ErrorCtor?: ErrorConstructor;
}

/** The number format Apps Script reports for a cell whose format is Automatic. */
export const AUTOMATIC_FORMAT_PATTERN = '0.###############';

const MAX_CACHED_INPUTS = 10_000;

/** Shared state of one `createSpreadsheetApp` instance. */
export class FakeContext {
  readonly conventions: LocaleConventions;
  private readonly serialInstants = new Map<number, number>();
  /** Parse results of the current write call, because sheets repeat quantities, warehouses and dates. */
  private readonly parsedInputs = new Map<string, ParsedInput>();

  constructor(
    readonly workbook: Workbook,
    readonly env: FakeEnvironment,
  ) {
    this.conventions = localeConventions(workbook.locale);
  }

  private silentDepth = 0;

  count(service: string, method: string): void {
    if (this.silentDepth === 0) this.env.onCall(service, method);
  }

  /** Runs fake methods on the fake's own behalf, so that they are not counted as script calls. */
  withoutCounting<T>(apply: () => T): T {
    this.silentDepth++;
    try {
      return apply();
    } finally {
      this.silentDepth--;
    }
  }

  /** Creates an error of the script's realm with an Apps Script message. */
  error(message: string): Error {
    const ErrorCtor = this.env.ErrorCtor ?? Error;
    return new ErrorCtor(message);
  }

  now(): number {
    return this.env.DateCtor.now();
  }

  /** Converts a serial number to a Date of the script's realm, read in the spreadsheet's zone. */
  serialToDate(serial: number): Date {
    let instant = this.serialInstants.get(serial);
    if (instant === undefined) {
      instant = serialToInstant(serial, this.workbook.timeZone);
      this.serialInstants.set(serial, instant);
    }
    return new this.env.DateCtor(instant);
  }

  /** Returns what `getValues()` gives for a stored value under a number format. */
  toScriptValue(value: CellValue | undefined, format: string | undefined): CellValue | Date {
    if (value === undefined) return '';
    if (typeof value === 'number' && format !== undefined && isDateFormat(format))
      return this.serialToDate(value);
    return value;
  }

  /**
   * Creates the typed-input context for one write call. It reads the clock once, and
   * `writeValue` updates its cell format for each cell.
   */
  createInputContext(): TypedInputContext {
    this.parsedInputs.clear();
    return {
      locale: this.workbook.locale,
      timeZone: this.workbook.timeZone,
      now: this.now(),
      cellFormat: GENERAL_FORMAT,
    };
  }

  /** Writes one value as `setValue` does: strings are parsed as typed input, Dates become serials. */
  writeValue(
    sheet: SheetModel,
    row0: number,
    column0: number,
    input: unknown,
    inputContext: TypedInputContext = this.createInputContext(),
  ): void {
    const format = effectiveNumberFormat(sheet, row0, column0);
    sheet.formulas.set(row0, column0, undefined);

    if (input === null || input === undefined || input === '') {
      sheet.values.set(row0, column0, undefined);
      return;
    }
    if (typeof input === 'number' || typeof input === 'boolean') {
      sheet.values.set(row0, column0, typeof input === 'number' && !Number.isFinite(input) ? '#NUM!' : input);
      return;
    }
    if (isDate(input)) {
      this.writeDate(sheet, row0, column0, input, format);
      return;
    }

    inputContext.cellFormat = format;
    const parsed = this.parseCached(String(input), inputContext);
    sheet.values.set(row0, column0, parsed.value);
    if (parsed.formula !== null) sheet.formulas.set(row0, column0, parsed.formula);
    if (parsed.numberFormat !== null && format === GENERAL_FORMAT) {
      sheet.numberFormats.set(row0, column0, parsed.numberFormat);
    }
  }

  private parseCached(text: string, inputContext: TypedInputContext): ParsedInput {
    if (inputContext.cellFormat !== GENERAL_FORMAT) return parseTypedInput(text, inputContext);
    let parsed = this.parsedInputs.get(text);
    if (!parsed) {
      parsed = parseTypedInput(text, inputContext);
      if (this.parsedInputs.size >= MAX_CACHED_INPUTS) this.parsedInputs.clear();
      this.parsedInputs.set(text, parsed);
    }
    return parsed;
  }

  private writeDate(sheet: SheetModel, row0: number, column0: number, date: Date, format: string): void {
    const epochMs = date.getTime();
    if (Number.isNaN(epochMs)) {
      sheet.values.set(row0, column0, '#VALUE!');
      return;
    }
    const serial = instantToSerial(epochMs, this.workbook.timeZone);
    sheet.values.set(row0, column0, serial);
    if (!isDateFormat(format)) {
      const hasTime = serial !== Math.floor(serial);
      sheet.numberFormats.set(
        row0,
        column0,
        hasTime ? this.conventions.dateTimeFormat : this.conventions.dateFormat,
      );
    }
  }
}

/** Tells whether a value is a Date of any realm (the script's Date is not Node's). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Describes an argument's type the way Apps Script names it in signature errors. */
export function describeArgumentType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const first = value[0];
    return Array.isArray(first)
      ? `${describeArgumentType(first[0])}[][]`
      : `${describeArgumentType(first)}[]`;
  }
  if (isDate(value)) return 'Date';
  if (typeof value === 'object') return 'Object';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}
