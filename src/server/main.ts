/**
 * The Apps Script entry module. Every export becomes a top-level function in build/Code.js:
 * simple triggers, menu items, the time-driven trigger handler and the sidebar endpoints.
 * Nothing here runs at load time, because Apps Script evaluates the bundle on every call.
 * Each sidebar endpoint can be called by anyone who can open the sidebar, so each one checks
 * its arguments.
 */

import { describeCounts } from '../core/run/status-text';
import type { ServerApi } from '../shared/api';
import { buildPreview, loadForCheck, rowOutcomes, summarize, writeValidationStatuses } from './api/check';
import { endpoint } from './api/endpoint';
import { cancelPushRequest, checkConnection, continuePushRequest, startPushRequest } from './api/push-api';
import {
  deleteScheduleRequest,
  getScheduleState,
  resumeScheduleRequest,
  saveScheduleRequest,
} from './api/schedule-api';
import { addWarehouseName, columnsOf, saveMapping, saveSettingsRequest } from './api/settings-api';
import { runLog, selectSheetCell, sidebarState } from './api/state-api';
import { createLogger, documentStore } from './gas/platform';
import { loadSchedule, scheduleWarnings } from './schedule';
import { runScheduledPush } from './scheduled-run';
import { loadLastOptions } from './settings';
import { buildMenu, openSidebar, toast } from './ui';

const log = createLogger('addon:main');

/** Builds the menu; in LIMITED mode it also shows the watchdog's warnings as a toast. */
export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  if (event?.authMode === undefined || String(event.authMode) === String(ScriptApp.AuthMode.NONE)) return;
  try {
    const warnings = scheduleWarnings(loadSchedule(), Date.now());
    if (warnings.length > 0) toast(warnings.join(' '), 'JOOR scheduled push', 15);
  } catch (error) {
    log.warn('watchdog.failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  openSidebar('home');
}

/** Menu "Push to JOOR": batching, progress and the overwrite confirmation live in the sidebar. */
export function menuPush(): void {
  openSidebar('push');
}

/** Menu "Validate sheet": checks the active sheet, marks bad rows and reports a summary. */
export function menuValidate(): void {
  const sheet = SpreadsheetApp.getActiveSheet();
  const ui = SpreadsheetApp.getUi();
  try {
    const context = loadForCheck(
      { sheetId: String(sheet.getSheetId()), options: loadLastOptions(documentStore()) },
      true,
    );
    const problem = context.validation.problems[0];
    if (problem !== undefined) {
      ui.alert(
        'JOOR Inventory Sync',
        `${problem.message}\n\nOpen the sidebar to choose columns or fix the sheet.`,
        ui.ButtonSet.OK,
      );
      return;
    }
    writeValidationStatuses(context);
    const summary = summarize(context);
    toast(
      `${summary.dataRows} rows checked: ${describeCounts(summary.counts)}. Open the sidebar for details.`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('menu.validate.failed', { error: message });
    ui.alert('JOOR Inventory Sync', message, ui.ButtonSet.OK);
  }
}

/** Time-driven trigger handler for scheduled pushes. Never touches the UI. */
export function onScheduledPush(): void {
  runScheduledPush();
}

// Sidebar endpoints. Types come from ServerApi, so the sidebar and the server cannot drift apart.

export const getSidebarState: ServerApi['getSidebarState'] = () =>
  endpoint('getSidebarState', () => ({ state: sidebarState() }));

export const saveSettings: ServerApi['saveSettings'] = (request) =>
  endpoint('saveSettings', () => ({ settings: saveSettingsRequest(request) }));

export const testConnection: ServerApi['testConnection'] = () =>
  endpoint('testConnection', () => ({ message: checkConnection() }));

export const addWarehouse: ServerApi['addWarehouse'] = (name) =>
  endpoint('addWarehouse', () => ({ settings: addWarehouseName(name) }));

export const getColumns: ServerApi['getColumns'] = (sheetId) =>
  endpoint('getColumns', () => columnsOf(sheetId));

export const saveColumnMapping: ServerApi['saveColumnMapping'] = (sheetId, mapping) =>
  endpoint('saveColumnMapping', () => ({ mapping: saveMapping(sheetId, mapping) }));

export const validateSheet: ServerApi['validateSheet'] = (request) =>
  endpoint('validateSheet', () => {
    const context = loadForCheck(request, request?.includeRows !== true);
    if (request.writeStatuses === true) writeValidationStatuses(context);
    const summary = summarize(context);
    return request.includeRows === true ? { summary, rows: rowOutcomes(context.validation) } : { summary };
  });

export const previewPush: ServerApi['previewPush'] = (request) =>
  endpoint('previewPush', () => {
    const context = loadForCheck(request, true);
    return { preview: buildPreview(context, request) };
  });

export const startPush: ServerApi['startPush'] = (request) =>
  endpoint('startPush', () => ({ progress: startPushRequest(request, 'sidebar') }));

export const continuePush: ServerApi['continuePush'] = (runId, includeRows) =>
  endpoint('continuePush', () => ({ progress: continuePushRequest(runId, includeRows === true) }));

export const cancelPush: ServerApi['cancelPush'] = (runId) =>
  endpoint('cancelPush', () => ({ progress: cancelPushRequest(runId) }));

export const selectCell: ServerApi['selectCell'] = (sheetId, row, column) =>
  endpoint('selectCell', () => ({ a1: selectSheetCell(sheetId, row, column) }));

export const getSchedule: ServerApi['getSchedule'] = () => endpoint('getSchedule', () => getScheduleState());

export const saveSchedule: ServerApi['saveSchedule'] = (request) =>
  endpoint('saveSchedule', () => ({ schedule: saveScheduleRequest(request) }));

export const deleteSchedule: ServerApi['deleteSchedule'] = () =>
  endpoint('deleteSchedule', () => ({ deleted: deleteScheduleRequest() }));

export const resumeSchedule: ServerApi['resumeSchedule'] = () =>
  endpoint('resumeSchedule', () => ({ schedule: resumeScheduleRequest() }));

export const getRunLog: ServerApi['getRunLog'] = (limit) =>
  endpoint('getRunLog', () => ({ runs: runLog(limit) }));

/** CLI entry: the same push as the sidebar, recorded with trigger "cli" in the run log. */
export function cliStartPush(
  request: Parameters<ServerApi['startPush']>[0],
): ReturnType<ServerApi['startPush']> {
  return endpoint('cliStartPush', () => ({ progress: startPushRequest(request, 'cli') }));
}
