// Connects the SpreadsheetApp fake (local/runtime/spreadsheet) to one execution: the call
// counter, the UI host, the shared Date class, and the authorisation rules of AuthMode.NONE.
import { type Execution, SCOPES } from './execution';
import { createSpreadsheetApp, type UiHost, type Workbook } from './spreadsheet';

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
  const onCall = (service: string, method: string) => execution.enter(service, method);
  const app: Record<string, unknown> =
    workbook === null
      ? createDocumentlessApp(execution)
      : createSpreadsheetApp(workbook, { DateCtor, onCall, ui, ErrorCtor: execution.ErrorClass });

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

/** SpreadsheetApp when the execution has no document: no active spreadsheet and no UI. */
function createDocumentlessApp(execution: Execution): Record<string, unknown> {
  const noDocument = (method: string) => () => {
    execution.enter('SpreadsheetApp', method);
    return null;
  };
  return {
    getActiveSpreadsheet: noDocument('getActiveSpreadsheet'),
    getActiveSheet: noDocument('getActiveSheet'),
    getUi: () => {
      execution.enter('SpreadsheetApp', 'getUi');
      throw execution.error('Cannot call SpreadsheetApp.getUi() from this context.');
    },
    flush: () => execution.enter('SpreadsheetApp', 'flush'),
  };
}
