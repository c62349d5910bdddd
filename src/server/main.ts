/**
 * The Apps Script entry module. Every export becomes a top-level function in build/Code.js:
 * simple triggers, menu items, the time-driven trigger handler and the sidebar endpoints.
 * Nothing here runs at load time, because Apps Script evaluates the bundle on every call.
 */

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Validate sheet', 'menuValidate')
    .addItem('Push to JOOR', 'menuPush')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}
