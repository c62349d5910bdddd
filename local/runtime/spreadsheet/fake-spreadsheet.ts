// The Spreadsheet fake and `createSpreadsheetApp`, the entry point the local runtime installs
// as the `SpreadsheetApp` global of the gas-local context.

import { splitSheetName } from './a1';
import { FakeContext, type FakeEnvironment } from './fake-context';
import { ProtectionType } from './fake-protection';
import type { FakeRange } from './fake-range';
import { FakeSheet } from './fake-sheet';
import { addSheet, type SheetModel, type Workbook } from './model';
import { Button, ButtonSet, createUi } from './ui';

/** Apps Script's Dimension enum. */
export enum Dimension {
  COLUMNS = 'COLUMNS',
  ROWS = 'ROWS',
}

const DEFAULT_TOAST_SECONDS = 5;

export class FakeSpreadsheet {
  private readonly sheetFakes = new WeakMap<SheetModel, FakeSheet>();

  constructor(private readonly context: FakeContext) {}

  private get workbook(): Workbook {
    return this.context.workbook;
  }

  private count(method: string): void {
    this.context.count('Spreadsheet', method);
  }

  /** Returns the one Sheet fake of a sheet model. */
  sheetFor(model: SheetModel): FakeSheet {
    let sheet = this.sheetFakes.get(model);
    if (!sheet) {
      sheet = new FakeSheet(this.context, this, model);
      this.sheetFakes.set(model, sheet);
    }
    return sheet;
  }

  getId(): string {
    this.count('getId');
    return this.workbook.id;
  }

  getName(): string {
    this.count('getName');
    return this.workbook.name;
  }

  rename(name: string): void {
    this.count('rename');
    this.workbook.name = name;
  }

  getUrl(): string {
    this.count('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.count('getSpreadsheetTimeZone');
    return this.workbook.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.count('getSpreadsheetLocale');
    return this.workbook.locale;
  }

  getSheets(): FakeSheet[] {
    this.count('getSheets');
    return this.workbook.sheets.map((model) => this.sheetFor(model));
  }

  getNumSheets(): number {
    this.count('getNumSheets');
    return this.workbook.sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.count('getSheetByName');
    const model = this.workbook.sheets.find((sheet) => sheet.name === name);
    return model ? this.sheetFor(model) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.count('getSheetById');
    const model = this.workbook.sheets.find((sheet) => sheet.sheetId === id);
    return model ? this.sheetFor(model) : null;
  }

  /** Returns the active sheet, or the first sheet when none was activated. */
  getActiveSheet(): FakeSheet {
    this.count('getActiveSheet');
    return this.sheetFor(this.activeModel());
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.count('setActiveSheet');
    this.workbook.activeSheetId = sheet.model.sheetId;
    this.workbook.activeRange = null;
    return sheet;
  }

  /** Inserts a sheet and activates it. Without a name it gets the next free `SheetN`. */
  insertSheet(name?: string, index?: number): FakeSheet {
    this.count('insertSheet');
    const sheetName = name ?? this.nextSheetName();
    this.assertNewSheetName(sheetName, null);
    const position =
      index === undefined ? this.workbook.sheets.length : Math.min(index, this.workbook.sheets.length);
    const model = addSheet(this.workbook, sheetName, position);
    this.workbook.activeSheetId = model.sheetId;
    this.workbook.activeRange = null;
    return this.sheetFor(model);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.count('deleteSheet');
    if (this.workbook.sheets.length === 1) {
      throw this.context.error("You can't remove all the sheets in a document.");
    }
    this.workbook.sheets = this.workbook.sheets.filter((model) => model !== sheet.model);
    if (this.workbook.activeSheetId === sheet.model.sheetId) {
      this.workbook.activeSheetId = this.workbook.sheets[0]?.sheetId ?? null;
      this.workbook.activeRange = null;
    }
  }

  /** Shows a toast. A null or missing timeout means 5 seconds, a negative one until dismissed. */
  toast(message: unknown, title?: string, timeoutSeconds?: number | null): void {
    this.count('toast');
    this.context.env.ui.toast(String(message), title ?? '', timeoutSeconds ?? DEFAULT_TOAST_SECONDS);
  }

  /** Resolves `Sheet!A1:B2`, or A1 notation without a sheet name on the active sheet. */
  getRange(a1Notation: string): FakeRange {
    this.count('getRange');
    const { sheetName } = splitSheetName(a1Notation);
    const model =
      sheetName === null
        ? this.activeModel()
        : this.workbook.sheets.find((sheet) => sheet.name === sheetName);
    if (!model) throw this.context.error(`Range not found: "${a1Notation}".`);
    return this.sheetFor(model).rangeFromA1(a1Notation);
  }

  getActiveRange(): FakeRange {
    this.count('getActiveRange');
    const sheet = this.sheetFor(this.activeModel());
    const grid = this.workbook.activeRange ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return sheet.createRange(grid);
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.count('setActiveRange');
    this.workbook.activeSheetId = range.getSheetModel().sheetId;
    this.workbook.activeRange = { ...range.grid };
    return range;
  }

  /** Throws Apps Script's message when the name is taken by another sheet. */
  assertNewSheetName(name: string, except: SheetModel | null): void {
    const taken = this.workbook.sheets.some(
      (sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken) {
      throw this.context.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  private activeModel(): SheetModel {
    const model =
      this.workbook.sheets.find((sheet) => sheet.sheetId === this.workbook.activeSheetId) ??
      this.workbook.sheets[0];
    if (!model) throw this.context.error('The spreadsheet has no sheets.');
    return model;
  }

  private nextSheetName(): string {
    let number = this.workbook.sheets.length + 1;
    while (this.workbook.sheets.some((sheet) => sheet.name === `Sheet${number}`)) number++;
    return `Sheet${number}`;
  }
}

/** Builds a `SpreadsheetApp` fake over a workbook. FakeEnvironment describes `env`. */
export function createSpreadsheetApp(workbook: Workbook, env: FakeEnvironment) {
  const context = new FakeContext(workbook, env);
  const spreadsheet = new FakeSpreadsheet(context);
  const count = (method: string) => context.count('SpreadsheetApp', method);

  return {
    ProtectionType,
    Dimension,
    Button,
    ButtonSet,
    getActiveSpreadsheet(): FakeSpreadsheet {
      count('getActiveSpreadsheet');
      return spreadsheet;
    },
    getActive(): FakeSpreadsheet {
      count('getActive');
      return spreadsheet;
    },
    /** Opens the loaded workbook by its id. Any other id fails as a missing file does. */
    openById(id: string): FakeSpreadsheet {
      count('openById');
      if (id !== workbook.id) {
        throw context.error(
          `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
        );
      }
      return spreadsheet;
    },
    getActiveSheet(): FakeSheet {
      count('getActiveSheet');
      return context.withoutCounting(() => spreadsheet.getActiveSheet());
    },
    getActiveRange(): FakeRange {
      count('getActiveRange');
      return context.withoutCounting(() => spreadsheet.getActiveRange());
    },
    /** Writes are applied at once in the fake, so flushing only counts the call. */
    flush(): void {
      count('flush');
    },
    getUi() {
      count('getUi');
      if (!env.ui.hasUi()) throw context.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return createUi(env.ui, (service, method) => context.count(service, method));
    },
  };
}

/** The object `createSpreadsheetApp` returns. */
export type FakeSpreadsheetApp = ReturnType<typeof createSpreadsheetApp>;
