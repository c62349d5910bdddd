import { createLocalRuntime, type LocalRuntime } from '../../../local/runtime';
import { addSheet, Button, createWorkbook, type Workbook } from '../../../local/runtime/spreadsheet';
import { removeBundle, writeBundle } from './helpers';

// A tiny bundle: top-level functions as the esbuild footer produces them.
const BUNDLE = `
var loads = (typeof loads === 'number' ? loads : 0) + 1;
let topLevelLet = 'fresh';

function countLoads() { return loads; }
function echo() { return Array.prototype.slice.call(arguments); }
function returnDate() { return { when: new Date() }; }
function returnUndefinedInArray() { return [1, undefined, 3]; }
function now() { return Date.now(); }
function remember(value) { PropertiesService.getDocumentProperties().setProperty('memo', value); return 'ok'; }
function recall() { return PropertiesService.getDocumentProperties().getProperty('memo'); }
function sleepFor(ms) { Utilities.sleep(ms); return 'woke'; }
function sleepPastLimit() {
  for (var i = 0; i < 2; i++) Utilities.sleep(300000);
  return 'finished';
}
function swallowLimit() {
  var messages = [];
  for (var i = 0; i < 3; i++) {
    try { Utilities.sleep(300000); } catch (e) { messages.push(e.message); }
  }
  try { Session.getScriptTimeZone(); } catch (e) { messages.push(e.message); }
  return messages;
}
function errorIsError() {
  try { PropertiesService.getUserProperties().setProperty('big', new Array(10000).join('xx')); }
  catch (e) { return { isError: e instanceof Error, message: e.message }; }
  return null;
}
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Push to JOOR', 'menuPush').addToUi();
  return e.authMode;
}
function readPropertiesInOnOpen() { return PropertiesService.getDocumentProperties().getProperty('memo'); }
function readSheetInOnOpen() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function writeAndReadDate() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  sheet.getRange('A1').setValue(new Date(Date.UTC(2025, 2, 10)));
  var value = sheet.getRange('A1').getValue();
  return { isDate: value instanceof Date, iso: value.toISOString() };
}
function showSidebar() {
  var output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('JOOR Sync');
  SpreadsheetApp.getUi().showSidebar(output);
  return output.getTitle();
}
function confirm() {
  var ui = SpreadsheetApp.getUi();
  return ui.alert('Overwrite?', 'This replaces the account inventory.', ui.ButtonSet.YES_NO);
}
function toastFromTrigger() {
  SpreadsheetApp.getActiveSpreadsheet().toast('Pushed 3 rows', 'JOOR', 5);
  try { SpreadsheetApp.getUi(); return 'ui available'; } catch (e) { return e.message; }
}
function schedule(hours) {
  var existing = ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet());
  existing.forEach(function (t) { ScriptApp.deleteTrigger(t); });
  return ScriptApp.newTrigger('scheduledPush').timeBased().everyHours(hours).create().getUniqueId();
}
function scheduleDaily(hour, zone) {
  return ScriptApp.newTrigger('scheduledPush').timeBased().everyDays(1).atHour(hour).inTimezone(zone).create().getUniqueId();
}
function scheduledPush(e) {
  var store = PropertiesService.getDocumentProperties();
  var runs = JSON.parse(store.getProperty('runs') || '[]');
  runs.push({ uid: e.triggerUid, authMode: e.authMode, hour: e.hour, at: Date.now() });
  store.setProperty('runs', JSON.stringify(runs));
  try { SpreadsheetApp.getUi(); } catch (err) { store.setProperty('uiError', err.message); }
}
function checkAuthorization() {
  return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
}
function takeLock() { return LockService.getDocumentLock().tryLock(0); }
function waitForLock(ms) { return LockService.getDocumentLock().tryLock(ms); }
function cacheRoundTrip() {
  CacheService.getUserCache().put('k', 'v', 60);
  return CacheService.getUserCache().get('k');
}
function cacheRead() { return CacheService.getUserCache().get('k'); }
function whoAmI() {
  return {
    key: Session.getTemporaryActiveUserKey(),
    zone: Session.getScriptTimeZone(),
    email: Session.getEffectiveUser().getEmail(),
  };
}
function logSomething() { console.log('hello %s', 'world'); Logger.log('row %s', 5); console.warn('careful'); }
function helper_() { return 'private'; }
function fetchInSimpleTrigger() { return UrlFetchApp.fetch('http://127.0.0.1:9/'); }
function activeSpreadsheetId() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet === null ? null : spreadsheet.getId();
}
function openOther() { return SpreadsheetApp.openById('doc-1').getName(); }
function renderTemplate() {
  var template = HtmlService.createTemplate('<h1><?= title ?></h1><?!= raw ?>');
  template.title = '<b>Stock</b>';
  template.raw = '<i>ok</i>';
  return template.evaluate().getContent();
}
function missingGlobals() { return [typeof setTimeout, typeof require, typeof process, typeof fetch]; }
`;

const START = Date.UTC(2025, 0, 6, 10, 30);

describe('local runtime', () => {
  let bundleDir: string;
  let workbook: Workbook;
  let runtime: LocalRuntime;
  let logged: string[];

  beforeAll(() => {
    bundleDir = writeBundle({
      'Code.js': BUNDLE,
      'Sidebar.html': '<p>sidebar</p>',
      'appsscript.json': JSON.stringify({
        timeZone: 'America/New_York',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      }),
    });
  });

  afterAll(() => removeBundle(bundleDir));

  beforeEach(() => {
    workbook = createWorkbook({ timeZone: 'Europe/Paris', locale: 'en_US', id: 'doc-1', name: 'Stock' });
    addSheet(workbook, 'Sheet1');
    logged = [];
    runtime = createLocalRuntime({
      bundleDir,
      workbook,
      routes: {},
      startTimeMs: START,
      clockFollowsRealTime: false,
      userKey: 'user-a',
      onLog: (line) => logged.push(line),
    });
  });

  afterEach(() => runtime.close());

  describe('executions', () => {
    it('evaluates the bundle afresh each time', () => {
      expect(runtime.execute('countLoads').value).toBe(1);
      expect(runtime.execute('countLoads').value).toBe(1);
    });

    it('accepts top-level let in every execution', () => {
      expect(runtime.execute('countLoads').ok).toBe(true);
      expect(runtime.execute('countLoads').ok).toBe(true);
    });

    it('keeps properties across executions', () => {
      runtime.execute('remember', ['cursor-42']);
      expect(runtime.execute('recall').value).toBe('cursor-42');
      expect(runtime.properties().document).toEqual({ memo: 'cursor-42' });
    });

    it('snapshots properties as copies', () => {
      runtime.execute('remember', ['a']);
      const snapshot = runtime.properties();
      snapshot.document.memo = 'changed';
      expect(runtime.execute('recall').value).toBe('a');
    });

    it('starts from given properties', () => {
      const seeded = createLocalRuntime({
        bundleDir,
        workbook,
        routes: {},
        properties: { document: { memo: 'seeded' } },
      });
      expect(seeded.execute('recall').value).toBe('seeded');
    });

    it('reports a missing function as Apps Script does', () => {
      const result = runtime.execute('noSuchFunction');
      expect(result.ok).toBe(false);
      expect(result.error?.message).toBe('Script function not found: noSuchFunction');
    });

    it('hides private functions', () => {
      expect(runtime.execute('helper_').error?.message).toBe('Script function not found: helper_');
    });

    it('hides Node globals from the script', () => {
      expect(runtime.execute('missingGlobals').value).toEqual([
        'undefined',
        'undefined',
        'undefined',
        'undefined',
      ]);
    });

    it('makes fake errors instances of the script Error', () => {
      expect(runtime.execute('errorIsError').value).toEqual({
        isError: true,
        message: expect.stringContaining('Argument too large: value'),
      });
    });

    it('captures console and Logger output', () => {
      const result = runtime.execute('logSomething');
      expect(result.logs).toEqual(['INFO hello world', 'INFO row 5', 'WARNING careful']);
      expect(logged.slice(-result.logs.length)).toEqual(result.logs);
    });

    it('warns when process and script zones differ', () => {
      const lines: string[] = [];
      const zoned = createLocalRuntime({
        bundleDir,
        workbook,
        routes: {},
        onLog: (line) => lines.push(line),
      });
      const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const differs =
        new Date().toLocaleString('en-US', { timeZone: processZone }) !==
        new Date().toLocaleString('en-US', { timeZone: 'America/New_York' });
      expect(lines.some((line) => line.includes('run with TZ=America/New_York'))).toBe(differs);
      zoned.close();
    });

    it('counts calls per execution and in total', () => {
      const first = runtime.execute('remember', ['a']);
      runtime.execute('recall');
      expect(first.calls['Properties.setProperty']).toBe(1);
      expect(runtime.callCounts()['PropertiesService.getDocumentProperties']).toBe(2);
    });
  });

  describe('arguments and return values', () => {
    it('copies JSON-safe arguments', () => {
      expect(runtime.execute('echo', [1, 'two', { three: [3] }, null]).value).toEqual([
        1,
        'two',
        { three: [3] },
        null,
      ]);
    });

    it('turns undefined in an argument array into null', () => {
      expect(runtime.execute('echo', [[1, undefined]]).value).toEqual([[1, null]]);
    });

    it('rejects a Date argument', () => {
      const result = runtime.execute('echo', [{ at: new Date() }]);
      expect(result.ok).toBe(false);
      expect(result.error?.message).toContain('argument[0].at is a Date');
    });

    it('rejects a function argument', () => {
      const result = runtime.execute('echo', [{ f: () => 1 }]);
      expect(result.error?.message).toContain('argument[0].f is a function');
    });

    it('rejects a returned Date', () => {
      const result = runtime.execute('returnDate');
      expect(result.ok).toBe(false);
      expect(result.error?.message).toContain('return value.when is a Date');
    });

    it('turns undefined in a returned array into null', () => {
      expect(runtime.execute('returnUndefinedInArray').value).toEqual([1, null, 3]);
    });
  });

  describe('virtual clock and time limit', () => {
    it('gives the script the virtual time', () => {
      runtime.clock.sleep(3_600_000);
      const seen = runtime.execute<number>('now').value ?? 0;
      expect(seen).toBe(START + 3_600_000);
    });

    it('advances the shared clock on sleep', () => {
      const result = runtime.execute('sleepFor', [120_000]);
      expect(result.value).toBe('woke');
      expect(result.virtualMs).toBeGreaterThanOrEqual(120_000);
      expect(runtime.clock.now() - START).toBeGreaterThanOrEqual(120_000);
    });

    it('kills an execution that sleeps past six minutes', () => {
      const result = runtime.execute('sleepPastLimit');
      expect(result.ok).toBe(false);
      expect(result.killed).toBe(true);
      expect(result.error?.message).toBe('Exceeded maximum execution time');
    });

    it('keeps failing every call after the limit', () => {
      const result = runtime.execute('swallowLimit');
      expect(result.killed).toBe(true);
      expect(result.ok).toBe(false);
      expect(runtime.callCounts()['Session.getScriptTimeZone']).toBeUndefined();
    });

    it('honours a custom limit', () => {
      const short = createLocalRuntime({ bundleDir, workbook, routes: {}, executionLimitMs: 60_000 });
      expect(short.execute('sleepFor', [61_000]).killed).toBe(true);
    });

    it('limits simple triggers to 30 seconds', () => {
      const result = runtime.execute('sleepFor', [31_000], { kind: 'simple' });
      expect(result.killed).toBe(true);
    });

    it('starts the next execution with a fresh budget', () => {
      runtime.execute('sleepPastLimit');
      expect(runtime.execute('sleepFor', [1000]).ok).toBe(true);
    });
  });

  describe('authorisation modes', () => {
    it('builds the menu in AuthMode.NONE', () => {
      const result = runtime.execute('onOpen', [], { kind: 'simple', authMode: 'NONE', event: {} });
      expect(result.value).toBe('NONE');
      expect(runtime.ui.menus).toEqual([
        { name: null, items: [{ kind: 'item', caption: 'Push to JOOR', functionName: 'menuPush' }] },
      ]);
    });

    it('passes simple triggers an event', () => {
      expect(runtime.execute('onOpen', [], { kind: 'simple', authMode: 'LIMITED' }).value).toBe('LIMITED');
    });

    it('rejects properties in AuthMode.NONE', () => {
      const result = runtime.execute('readPropertiesInOnOpen', [], { kind: 'simple', authMode: 'NONE' });
      expect(result.error?.message).toContain('You do not have permission to call PropertiesService');
    });

    it('rejects document access in AuthMode.NONE', () => {
      const result = runtime.execute('readSheetInOnOpen', [], { kind: 'simple', authMode: 'NONE' });
      expect(result.error?.message).toContain(
        'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
      );
    });

    it('rejects UrlFetchApp in a LIMITED simple trigger', () => {
      const result = runtime.execute('fetchInSimpleTrigger', [], { kind: 'simple', authMode: 'LIMITED' });
      expect(result.error?.message).toContain('You do not have permission to call UrlFetchApp.fetch');
    });

    it('allows document access in AuthMode.LIMITED', () => {
      expect(runtime.execute('readSheetInOnOpen', [], { kind: 'simple', authMode: 'LIMITED' }).value).toBe(
        'Stock',
      );
    });

    it('keeps properties during reauthorisation', () => {
      const stale = createLocalRuntime({ bundleDir, workbook, routes: {}, authorizationRequired: true });
      expect(stale.execute('remember', ['needs-auth']).ok).toBe(true);
      expect(stale.properties().document.memo).toBe('needs-auth');
    });

    it('blocks only the listed ungranted scopes', () => {
      const stale = createLocalRuntime({
        bundleDir,
        workbook,
        routes: {},
        authorizationRequired: ['https://www.googleapis.com/auth/script.external_request'],
      });
      expect(stale.execute('checkAuthorization').value).toBe('REQUIRED');
      expect(stale.execute('readSheetInOnOpen').value).toBe('Stock');
      expect(stale.execute('fetchInSimpleTrigger').error?.message).toBe(
        'Authorization is required to perform that action.',
      );
    });

    it('blocks services needing reauthorisation', () => {
      const stale = createLocalRuntime({ bundleDir, workbook, routes: {}, authorizationRequired: true });
      expect(stale.execute('checkAuthorization').value).toBe('REQUIRED');
      expect(stale.execute('readSheetInOnOpen').error?.message).toBe(
        'Authorization is required to perform that action.',
      );
    });
  });

  describe('spreadsheet and UI', () => {
    it('shares one Date class with the SpreadsheetApp fake', () => {
      expect(runtime.execute('writeAndReadDate').value).toEqual({
        isDate: true,
        iso: '2025-03-10T00:00:00.000Z',
      });
    });

    it('shows the sidebar from Sidebar.html', () => {
      expect(runtime.execute('showSidebar', [], { kind: 'menu' }).value).toBe('JOOR Sync');
      expect(runtime.ui.sidebars).toEqual([{ title: 'JOOR Sync', content: '<p>sidebar</p>' }]);
    });

    it('evaluates printing scriptlets', () => {
      expect(runtime.execute('renderTemplate').value).toBe('<h1>&#60;b&#62;Stock&#60;/b&#62;</h1><i>ok</i>');
    });

    it('answers alerts with queued buttons', () => {
      runtime.ui.alertAnswers.push(Button.YES);
      expect(runtime.execute('confirm', [], { kind: 'menu' }).value).toBe('YES');
      expect(runtime.ui.alerts[0]?.title).toBe('Overwrite?');
    });

    it('closes alerts when no answer is queued', () => {
      expect(runtime.execute('confirm', [], { kind: 'menu' }).value).toBe('CLOSE');
    });

    it('rejects openById under currentonly', () => {
      expect(runtime.execute('openOther').error?.message).toBe(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
    });

    it('gives triggers the active document', () => {
      expect(runtime.execute('activeSpreadsheetId', [], { kind: 'trigger' }).value).toBe('doc-1');
    });

    it('can hide the document from triggers', () => {
      const blind = createLocalRuntime({ bundleDir, workbook, routes: {}, triggerHasActiveDocument: false });
      expect(blind.execute('activeSpreadsheetId', [], { kind: 'trigger' }).value).toBeNull();
      expect(blind.execute('activeSpreadsheetId', [], { kind: 'menu' }).value).toBe('doc-1');
    });

    it('records toasts without a trigger UI', () => {
      const result = runtime.execute('toastFromTrigger', [], { kind: 'trigger' });
      expect(result.value).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
      expect(runtime.ui.toasts).toEqual([{ message: 'Pushed 3 rows', title: 'JOOR', timeoutSeconds: 5 }]);
    });
  });

  describe('triggers', () => {
    it('fires an hourly trigger on each due hour', () => {
      const id = runtime.execute<string>('schedule', [1], { kind: 'sidebar' }).value!;
      const results = runtime.runDueTriggers(START + 3 * 3_600_000 + 1000);
      expect(results).toHaveLength(3);
      expect(results.every((r) => r.ok)).toBe(true);
      const runs = JSON.parse(runtime.properties().document.runs ?? '[]') as {
        uid: string;
        authMode: string;
      }[];
      expect(runs.map((r) => r.uid)).toEqual([id, id, id]);
      expect(runs.every((r) => r.authMode === 'FULL')).toBe(true);
    });

    it('gives trigger executions no UI', () => {
      runtime.execute('schedule', [1]);
      runtime.runDueTriggers(START + 3_600_000 + 1000);
      expect(runtime.properties().document.uiError).toBe(
        'Cannot call SpreadsheetApp.getUi() from this context.',
      );
    });

    it('replaces the trigger when scheduled again', () => {
      runtime.execute('schedule', [1]);
      runtime.execute('schedule', [2]);
      expect(runtime.triggers()).toHaveLength(1);
      expect(runtime.triggers()[0]?.schedule.interval).toBe(2);
    });

    it('rejects a second trigger through the bundle', () => {
      runtime.execute('scheduleDaily', [9, 'Europe/Paris']);
      const result = runtime.execute('scheduleDaily', [10, 'Europe/Paris']);
      expect(result.error?.message).toBe(
        'This add-on has created too many time-based triggers in this document for this Google user account',
      );
    });

    it('fires daily in its time zone', () => {
      runtime.execute('scheduleDaily', [9, 'Europe/Paris']);
      runtime.runDueTriggers(START + 2 * 86_400_000);
      const runs = JSON.parse(runtime.properties().document.runs ?? '[]') as { at: number }[];
      expect(runs).toHaveLength(2);
      for (const run of runs) {
        const parisHour = Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit' }).format(run.at),
        );
        expect(parisHour).toBe(9);
      }
    });

    it('fires a trigger on request', () => {
      const id = runtime.execute<string>('schedule', [1]).value!;
      const result = runtime.fireTrigger(id);
      expect(result.ok).toBe(true);
      expect(runtime.triggers()[0]?.nextFireMs).toBe(START + 3_600_000);
    });

    it('leaves the clock at the requested time', () => {
      runtime.runDueTriggers(START + 86_400_000);
      expect(runtime.clock.now()).toBeGreaterThanOrEqual(START + 86_400_000);
    });
  });

  describe('locks, cache and session', () => {
    it('releases locks when an execution ends', () => {
      expect(runtime.execute('takeLock').value).toBe(true);
      expect(runtime.execute('takeLock').value).toBe(true);
    });

    it('simulates a lock held elsewhere', () => {
      runtime.holdLock('document');
      expect(runtime.execute('takeLock').value).toBe(false);
      runtime.releaseLock('document');
      expect(runtime.execute('takeLock').value).toBe(true);
    });

    it('waits virtually for a lock', () => {
      runtime.holdLock('document', START + 10_000);
      const result = runtime.execute('waitForLock', [30_000]);
      expect(result.value).toBe(true);
      expect(result.virtualMs).toBe(10_000);
    });

    it('expires cache entries on the virtual clock', () => {
      expect(runtime.execute('cacheRoundTrip').value).toBe('v');
      runtime.clock.sleep(61_000);
      expect(runtime.execute('cacheRead').value).toBeNull();
    });

    it('reports user key, zone and email', () => {
      expect(runtime.execute('whoAmI').value).toEqual({ key: 'user-a', zone: 'America/New_York', email: '' });
    });
  });
});

describe('local runtime with the built bundle', () => {
  it('builds the add-on menu in AuthMode.NONE', () => {
    const workbook = createWorkbook({ timeZone: 'Etc/UTC', locale: 'en_US' });
    addSheet(workbook, 'Sheet1');
    const runtime = createLocalRuntime({ workbook, routes: {} });
    const result = runtime.execute('onOpen', [], { kind: 'simple', authMode: 'NONE', event: {} });
    expect(result.error).toBeUndefined();
    expect(runtime.ui.menus).toHaveLength(1);
    expect(runtime.ui.menus[0]?.name).toBeNull();
  });
});
