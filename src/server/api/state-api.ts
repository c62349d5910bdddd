/** Sidebar state on opening, cell selection and the run log. */

import type { RunSummaryDto, SidebarStateDto } from '../../shared/api';
import { AddonError } from '../errors';
import { LOG_SHEET, readRunLog, STATE_SHEET } from '../gas/bookkeeping';
import { documentStore } from '../gas/platform';
import { activeSpreadsheet, sheetById } from '../gas/sheet';
import { loadCursor } from '../push/cursor';
import { loadSchedule, scheduleDto, scheduleWarnings, triggerExists } from '../schedule';
import { loadLastOptions, PROPERTY_KEYS, readJsonProperty } from '../settings';
import { requireString } from './endpoint';
import { ownerKey } from './push-api';
import { currentSettings } from './settings-api';

/** The add-on's own sheets are never offered as data sheets. */
const OWN_SHEETS = new Set([LOG_SHEET, STATE_SHEET]);

export function sidebarState(): SidebarStateDto {
  const spreadsheet = activeSpreadsheet();
  const documentProps = documentStore();
  const sheets = spreadsheet
    .getSheets()
    .filter((sheet) => !OWN_SHEETS.has(sheet.getName()))
    .map((sheet) => ({ sheetId: String(sheet.getSheetId()), name: sheet.getName() }));
  const active = spreadsheet.getActiveSheet();
  const activeRef =
    active !== null && !OWN_SHEETS.has(active.getName())
      ? { sheetId: String(active.getSheetId()), name: active.getName() }
      : (sheets[0] ?? { sheetId: '0', name: '' });
  const now = Date.now();
  const schedule = loadSchedule();
  const warnings = scheduleWarnings(schedule, now);
  if (schedule !== undefined && !schedule.paused && schedule.ownerKey === ownerKey()) {
    if (!triggerExists(spreadsheet, schedule.triggerId)) {
      warnings.push(
        'The schedule has no trigger any more, so no scheduled push will run. Save the schedule again to re-create it.',
      );
    }
  }
  const cursor = loadCursor(documentProps);
  const state: SidebarStateDto = {
    settings: currentSettings(),
    sheets,
    activeSheet: activeRef,
    lastOptions: loadLastOptions(documentProps),
    warnings,
  };
  const lastRun = readJsonProperty<RunSummaryDto>(documentProps, PROPERTY_KEYS.lastRun);
  if (lastRun !== undefined) state.lastRun = lastRun;
  const dto = scheduleDto(schedule, now);
  if (dto !== undefined) state.schedule = dto;
  if (cursor !== undefined) state.activeRunId = cursor.runId;
  return state;
}

export function selectSheetCell(sheetId: string, row: number, column: number): string {
  requireString(sheetId, 'sheetId');
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
    throw new AddonError(
      'INVALID_REQUEST',
      `Row and column must be whole numbers from 1; found ${row}, ${column}.`,
    );
  }
  const spreadsheet = activeSpreadsheet();
  const sheet = sheetById(spreadsheet, sheetId);
  const range = sheet.getRange(row, column);
  sheet.activate();
  range.activate();
  return range.getA1Notation();
}

export function runLog(limit: number): RunSummaryDto[] {
  const count = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100) : 20;
  return readRunLog(activeSpreadsheet(), count);
}
