/**
 * Menu and sidebar. onOpen may run in AuthMode.NONE, where reading properties or the sheet makes
 * the menu fail to render, so the menu is built first and the watchdog check runs only in
 * LIMITED or FULL mode, inside its own try block.
 */

import { createLogger } from './gas/platform';

const log = createLogger('addon:ui');

export const SIDEBAR_TITLE = 'JOOR Inventory Sync';

/** Screens the sidebar can open on; the value is written into the body's data-screen attribute. */
export type SidebarScreen = 'home' | 'push' | 'validate' | 'settings' | 'schedule';

export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Validate sheet', 'menuValidate')
    .addItem('Push to JOOR', 'menuPush')
    .addToUi();
}

export function openSidebar(screen: SidebarScreen): void {
  const template = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  const content = template.replace('<body', `<body data-screen="${screen}"`);
  const output = HtmlService.createHtmlOutput(content).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Shows a short non-blocking message; failures are logged, never thrown, because a toast is optional. */
export function toast(message: string, title = SIDEBAR_TITLE, seconds = 8): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title, seconds);
  } catch (error) {
    log.warn('toast.failed', { error: error instanceof Error ? error.message : String(error) });
  }
}
