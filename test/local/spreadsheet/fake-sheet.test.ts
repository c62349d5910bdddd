import {
  addSheet,
  Button,
  ButtonSet,
  createSpreadsheetApp,
  createWorkbook,
  ProtectionType,
} from '../../../local/runtime/spreadsheet';
import { createApp, createRecordingUi } from './helpers';

function createFake(options: { hasUi?: boolean } = {}) {
  const workbook = createWorkbook({ timeZone: 'UTC', locale: 'en_US', name: 'Stock', id: 'sheet-id-1' });
  addSheet(workbook, 'Inventory');
  const fake = createApp(workbook, options);
  const spreadsheet = fake.app.getActiveSpreadsheet();
  return { ...fake, workbook, spreadsheet, sheet: spreadsheet.getSheetByName('Inventory')! };
}

describe('SpreadsheetApp.getUi', () => {
  it('throws in an execution without a UI', () => {
    const { app } = createFake({ hasUi: false });
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('records an add-on menu with its items', () => {
    const { app, ui } = createFake();
    const sub = app.getUi().createMenu('More').addItem('Help', 'showHelp');
    app
      .getUi()
      .createAddonMenu()
      .addItem('Open sidebar', 'openSidebar')
      .addSeparator()
      .addSubMenu(sub)
      .addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0]?.name).toBeNull();
    expect(ui.menus[0]?.items).toEqual([
      { kind: 'item', caption: 'Open sidebar', functionName: 'openSidebar' },
      { kind: 'separator' },
      {
        kind: 'submenu',
        menu: { name: 'More', items: [{ kind: 'item', caption: 'Help', functionName: 'showHelp' }] },
      },
    ]);
  });

  it('returns the scripted button of an alert', () => {
    const { app, ui } = createFake();
    ui.answers.push(Button.YES);
    const pressed = app.getUi().alert('Overwrite', 'Replace all inventory?', ButtonSet.YES_NO);
    expect(pressed).toBe(Button.YES);
    expect(ui.alerts).toEqual([
      { title: 'Overwrite', message: 'Replace all inventory?', buttons: ButtonSet.YES_NO },
    ]);
  });

  it('shows a sidebar through the host', () => {
    const { app, ui } = createFake();
    app.getUi().showSidebar({ getContent: () => '<p>JOOR</p>' });
    expect(ui.sidebars).toEqual(['<p>JOOR</p>']);
  });
});

describe('call counting', () => {
  it('counts one call per public method', () => {
    const { sheet, calls } = createFake();
    calls.length = 0;
    sheet.getRange(1, 1, 3, 2).getValues();
    expect(calls).toEqual(['Sheet.getRange', 'Range.getValues']);
  });

  it('lets the counter stop the script', () => {
    const { workbook } = createFake();
    const capped = createSpreadsheetApp(workbook, {
      DateCtor: Date,
      ui: createRecordingUi(),
      onCall: () => {
        throw new Error('Exceeded maximum execution time');
      },
    });
    expect(() => capped.getActive()).toThrow('Exceeded maximum execution time');
  });
});

describe('Spreadsheet', () => {
  it('reports its id, name, URL, zone and locale', () => {
    const { spreadsheet } = createFake();
    expect(spreadsheet.getId()).toBe('sheet-id-1');
    expect(spreadsheet.getName()).toBe('Stock');
    expect(spreadsheet.getUrl()).toBe('https://docs.google.com/spreadsheets/d/sheet-id-1/edit');
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('UTC');
    expect(spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  });

  it('inserts, finds and deletes sheets', () => {
    const { spreadsheet } = createFake();
    const log = spreadsheet.insertSheet('JOOR Sync Log');
    expect(spreadsheet.getActiveSheet().getName()).toBe('JOOR Sync Log');
    expect(spreadsheet.getSheetById(log.getSheetId())?.getName()).toBe('JOOR Sync Log');
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(['Inventory', 'JOOR Sync Log']);
    spreadsheet.deleteSheet(log);
    expect(spreadsheet.getSheetByName('JOOR Sync Log')).toBeNull();
  });

  it('rejects a duplicate sheet name', () => {
    const { spreadsheet } = createFake();
    expect(() => spreadsheet.insertSheet('inventory')).toThrow(
      'A sheet with the name "inventory" already exists. Please enter another name.',
    );
  });

  it('refuses to delete or hide the last sheet', () => {
    const { spreadsheet, sheet } = createFake();
    expect(() => spreadsheet.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  it('records toasts with the default timeout', () => {
    const { spreadsheet, ui } = createFake();
    spreadsheet.toast('Pushed 120 rows, 3 failed', 'JOOR');
    expect(ui.toasts).toEqual(['Pushed 120 rows, 3 failed']);
  });

  it('tracks the active range', () => {
    const { spreadsheet, sheet } = createFake();
    expect(spreadsheet.getActiveRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').activate();
    expect(spreadsheet.getActiveRange().getA1Notation()).toBe('C5');
  });
});

describe('Sheet structure', () => {
  it('moves values and hidden rows when rows are inserted', () => {
    const { sheet } = createFake();
    sheet.getRange('A1:A3').setValues([['h'], ['a'], ['b']]);
    sheet.hideRows(3);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['h'], [''], [''], ['a'], ['b']]);
    expect(sheet.isRowHiddenByUser(5)).toBe(true);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
    expect(sheet.getMaxRows()).toBe(1002);
  });

  it('moves values up when rows are deleted', () => {
    const { sheet } = createFake();
    sheet.getRange('A1:A4').setValues([['h'], ['a'], ['b'], ['c']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['h'], ['c']]);
    expect(sheet.getLastRow()).toBe(2);
  });

  it('moves values right when a column is inserted', () => {
    const { sheet } = createFake();
    sheet.getRange('A1:B1').setValues([['UPC', 'Qty']]);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['UPC', '', 'Qty']]);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('appends rows after the last row with content and parses them', () => {
    const { sheet } = createFake();
    sheet.appendRow(['Run id', 'Started']);
    sheet.appendRow(['r-1', '2025-03-10']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('2025-03-10');
  });

  it('hides and shows columns', () => {
    const { sheet } = createFake();
    sheet.hideColumns(2, 2);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    expect(sheet.isColumnHiddenByUser(2)).toBe(true);
  });

  it('sets frozen rows and column widths', () => {
    const { sheet } = createFake();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getColumnWidth(3)).toBe(100);
  });

  it('protects a sheet with a warning', () => {
    const { sheet } = createFake();
    const protection = sheet.protect().setDescription('Last confirmed state').setWarningOnly(true);
    protection.removeEditors(protection.getEditors());
    const found = sheet.getProtections(ProtectionType.SHEET);
    expect(found).toHaveLength(1);
    expect(found[0]?.getDescription()).toBe('Last confirmed state');
    expect(found[0]?.isWarningOnly()).toBe(true);
    expect(sheet.getProtections(ProtectionType.RANGE)).toHaveLength(0);
  });
});
