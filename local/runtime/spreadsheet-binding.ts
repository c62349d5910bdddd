// Connects the SpreadsheetApp fake (local/runtime/spreadsheet) to one execution: the call
// counter, the UI host, the shared Date class, and the authorisation rules.
import { type Execution, SCOPES } from './execution';
import { createSpreadsheetApp, type UiHost, type Workbook } from './spreadsheet';

/** Methods that need no document access and stay callable in AuthMode.NONE. */
const METHODS_WITHOUT_AUTHORIZATION = new Set([
  'getUi',
  'newRichTextValue',
  'newTextStyle',
  'newDataValidation',
]);

/** Methods that return the document the script runs in, or part of it. */
const ACTIVE_DOCUMENT_METHODS = ['getActiveSpreadsheet', 'getActive', 'getActiveSheet', 'getActiveRange'];

/** The scope `SpreadsheetApp.openById` needs; `spreadsheets.currentonly` is not enough. */
export const FULL_SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface SpreadsheetBindingOptions {
  DateCtor: DateConstructor;
  ui: UiHost;
  /** False makes the active-document methods return null, as in a script without a document. */
  hasActiveDocument: boolean;
  /** Manifest `oauthScopes`, or null when the manifest lists none (scopes are then detected). */
  oauthScopes: string[] | null;
}

/**
 * Creates SpreadsheetApp for one execution. Without a workbook, or with `hasActiveDocument`
 * false, `getActiveSpreadsheet()` returns null. In AuthMode.NONE, and when the project needs a
 * new authorisation, every document method throws while `getUi()` keeps working, which is what
 * lets an add-on's onOpen build its menu before the add-on is enabled in the document.
 * `openById` throws unless the manifest grants the full spreadsheets scope.
 */
export function createSpreadsheetAppFor(
  execution: Execution,
  workbook: Workbook | null,
  options: SpreadsheetBindingOptions,
): Record<string, unknown> {
  const onCall = (service: string, method: string) => execution.enter(service, method);
  let app: Record<string, unknown> =
    workbook === null
      ? createDocumentlessApp(execution)
      : createSpreadsheetApp(workbook, {
          DateCtor: options.DateCtor,
          onCall,
          ui: options.ui,
          ErrorCtor: execution.ErrorClass,
        });
  if (workbook !== null && !options.hasActiveDocument) {
    app = { ...app, ...createDocumentlessApp(execution, ACTIVE_DOCUMENT_METHODS) };
  }

  const openByIdAllowed =
    options.oauthScopes === null || options.oauthScopes.includes(FULL_SPREADSHEETS_SCOPE);
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
        if (property === 'openById' && !openByIdAllowed) {
          execution.enter('SpreadsheetApp', property);
          throw execution.error(
            `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${FULL_SPREADSHEETS_SCOPE}`,
          );
        }
        execution.requireAuthorization('SpreadsheetApp', property, SCOPES.spreadsheetsCurrentOnly);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * SpreadsheetApp methods for an execution without a document: the active-document methods
 * return null and `getUi()` throws. `only` limits the result to the named methods.
 */
function createDocumentlessApp(execution: Execution, only?: string[]): Record<string, unknown> {
  const returnNull = (method: string) => () => {
    execution.enter('SpreadsheetApp', method);
    return null;
  };
  const methods: Record<string, unknown> = {
    getActiveSpreadsheet: returnNull('getActiveSpreadsheet'),
    getActive: returnNull('getActive'),
    getActiveSheet: returnNull('getActiveSheet'),
    getActiveRange: returnNull('getActiveRange'),
    getUi: () => {
      execution.enter('SpreadsheetApp', 'getUi');
      throw execution.error('Cannot call SpreadsheetApp.getUi() from this context.');
    },
    flush: () => execution.enter('SpreadsheetApp', 'flush'),
    openById: (id: unknown) => {
      execution.enter('SpreadsheetApp', 'openById');
      throw execution.error(`Spreadsheet not found: ${String(id)}.`);
    },
  };
  if (only === undefined) return methods;
  return Object.fromEntries(only.map((name) => [name, methods[name]]));
}
