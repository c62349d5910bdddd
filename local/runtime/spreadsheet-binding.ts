// Connects the SpreadsheetApp fake (local/runtime/spreadsheet) to one execution: the call
// counter, the UI host, the shared Date class, and the authorisation rules of AuthMode.NONE.
import { type Execution, SCOPES } from './execution';
import type { FakeEnvironment } from './spreadsheet/fake-context';
import type { Workbook } from './spreadsheet/model';
import type { UiHost } from './spreadsheet/ui';

type SpreadsheetAppFactory = (workbook: Workbook, env: FakeEnvironment) => Record<string, unknown>;

let factory: SpreadsheetAppFactory | null | undefined;

/** Loads `createSpreadsheetApp` from the spreadsheet folder, or null while it is not there. */
function loadFactory(): SpreadsheetAppFactory | null {
  if (factory !== undefined) return factory;
  try {
    const module = require('./spreadsheet') as { createSpreadsheetApp?: SpreadsheetAppFactory };
    factory = module.createSpreadsheetApp ?? null;
  } catch {
    factory = null;
  }
  return factory;
}

/** Methods that need no document access and stay callable in AuthMode.NONE. */
const METHODS_WITHOUT_AUTHORIZATION = new Set([
  'getUi',
  'newRichTextValue',
  'newTextStyle',
  'newDataValidation',
]);

/**
 * Creates SpreadsheetApp for one execution. Without a workbook there is no document, so
 * `getActiveSpreadsheet()` returns null. In AuthMode.NONE, and when the project needs a new
 * authorisation, every document method throws while `getUi()` keeps working, which is what lets
 * an add-on's onOpen build its menu before the add-on is enabled in the document.
 */
export function createSpreadsheetAppFor(
  execution: Execution,
  workbook: Workbook | null,
  DateCtor: DateConstructor,
  ui: UiHost,
): Record<string, unknown> {
  const create = loadFactory();
  const onCall = (service: string, method: string) => execution.enter(service, method);
  const app: Record<string, unknown> =
    workbook !== null && create !== null
      ? create(workbook, { DateCtor, onCall, ui })
      : createDocumentlessApp(execution, workbook !== null);

  return new Proxy(app, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (
        typeof value !== 'function' ||
        typeof property !== 'string' ||
        METHODS_WITHOUT_AUTHORIZATION.has(property)
      ) {
        return value;
      }
      return (...args: unknown[]) => {
        execution.requireAuthorization('SpreadsheetApp', property, SCOPES.spreadsheetsCurrentOnly);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** SpreadsheetApp when there is no document, or when the spreadsheet fake is not available. */
function createDocumentlessApp(execution: Execution, fakeMissing: boolean): Record<string, unknown> {
  const noDocument = (method: string) => () => {
    execution.enter('SpreadsheetApp', method);
    if (fakeMissing)
      throw new Error('The SpreadsheetApp fake is not available in local/runtime/spreadsheet.');
    return null;
  };
  return {
    getActiveSpreadsheet: noDocument('getActiveSpreadsheet'),
    getActiveSheet: noDocument('getActiveSheet'),
    getUi: () => {
      execution.enter('SpreadsheetApp', 'getUi');
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    },
    flush: () => execution.enter('SpreadsheetApp', 'flush'),
  };
}
