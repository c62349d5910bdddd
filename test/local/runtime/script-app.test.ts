import { createVirtualClock } from '../../../local/runtime/clock';
import {
  computeNextFire,
  createScriptApp,
  createTimeDrivenEvent,
  createTriggerTable,
  type ScriptAppContext,
  scheduleAfterFire,
} from '../../../local/runtime/script-app';
import { createTestExecution } from './helpers';

const START = Date.UTC(2025, 0, 6, 10, 30); // Monday 10:30 UTC

function setup(context: Partial<ScriptAppContext> = {}) {
  const clock = createVirtualClock(START, false);
  const table = createTriggerTable();
  const full: ScriptAppContext = {
    userKey: 'user-a',
    documentId: 'doc-1',
    scriptTimeZone: 'Etc/UTC',
    authorizationRequired: false,
    ...context,
  };
  const app = createScriptApp(createTestExecution({}, clock), table, full);
  return { clock, table, app };
}

const spreadsheet = (id: string) => ({ getId: () => id });

describe('ScriptApp triggers', () => {
  it('creates an hourly trigger and lists it', () => {
    const { app, table } = setup();
    const trigger = app.newTrigger('scheduledPush').timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe('scheduledPush');
    expect(trigger.getEventType()).toBe('CLOCK');
    expect(trigger.getTriggerSource()).toBe('CLOCK');
    expect(trigger.getTriggerSourceId()).toBeNull();
    expect(app.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    expect(table.triggers[0]?.nextFireMs).toBe(START + 3_600_000);
  });

  it('rejects an interval under one hour', () => {
    const { app } = setup();
    expect(() => app.newTrigger('f').timeBased().everyMinutes(30).create()).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour',
    );
  });

  it('rejects a second time-driven trigger in the document', () => {
    const { app } = setup();
    app.newTrigger('f').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('g').timeBased().everyHours(2).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account',
    );
  });

  it('allows one trigger per document', () => {
    const { app, table, clock } = setup();
    app.newTrigger('f').timeBased().everyHours(1).create();
    const other = createScriptApp(createTestExecution({}, clock), table, {
      userKey: 'user-a',
      documentId: 'doc-2',
      scriptTimeZone: 'Etc/UTC',
      authorizationRequired: false,
    });
    other.newTrigger('f').timeBased().everyHours(1).create();
    expect(other.getUserTriggers(spreadsheet('doc-2'))).toHaveLength(1);
    expect(other.getProjectTriggers()).toHaveLength(2);
  });

  it('caps triggers at 20 per user', () => {
    const { table, clock } = setup();
    const inDocument = (n: number) =>
      createScriptApp(createTestExecution({}, clock), table, {
        userKey: 'user-a',
        documentId: `doc-${n}`,
        scriptTimeZone: 'Etc/UTC',
        authorizationRequired: false,
      });
    for (let n = 0; n < 20; n++) inDocument(n).newTrigger('f').timeBased().everyHours(1).create();
    expect(() => inDocument(20).newTrigger('f').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers',
    );
  });

  it('hides other users triggers', () => {
    const { app, table, clock } = setup();
    app.newTrigger('f').timeBased().everyHours(1).create();
    const other = createScriptApp(createTestExecution({}, clock), table, {
      userKey: 'user-b',
      documentId: 'doc-1',
      scriptTimeZone: 'Etc/UTC',
      authorizationRequired: false,
    });
    expect(other.getUserTriggers(spreadsheet('doc-1'))).toHaveLength(0);
  });

  it('deletes a trigger', () => {
    const { app } = setup();
    const trigger = app.newTrigger('f').timeBased().everyHours(1).create();
    app.deleteTrigger(trigger);
    expect(app.getUserTriggers(spreadsheet('doc-1'))).toHaveLength(0);
    expect(() => app.deleteTrigger(trigger)).toThrow('Trigger not found');
  });

  it('needs authorisation in AuthMode.NONE', () => {
    const table = createTriggerTable();
    const app = createScriptApp(createTestExecution({ authMode: 'NONE' }), table, {
      userKey: 'u',
      documentId: 'd',
      scriptTimeZone: 'Etc/UTC',
      authorizationRequired: false,
    });
    expect(() => app.newTrigger('f')).toThrow('You do not have permission to call ScriptApp.newTrigger');
  });

  it('reports the authorisation status', () => {
    const { app } = setup({ authorizationRequired: true });
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(app.AuthorizationStatus.REQUIRED);
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\//);
  });

  it('reports no authorisation needed by default', () => {
    const { app } = setup();
    expect(app.getAuthorizationInfo(app.AuthMode.FULL).getAuthorizationStatus()).toBe('NOT_REQUIRED');
  });
});

describe('daily trigger schedule', () => {
  const daily = (atHour: number, timeZone: string, minute = 15) => ({
    unit: 'days' as const,
    interval: 1,
    atHour,
    minute,
    timeZone,
  });

  it('fires later the same day', () => {
    expect(computeNextFire(daily(14, 'Etc/UTC'), START)).toBe(Date.UTC(2025, 0, 6, 14, 15));
  });

  it('fires tomorrow when the hour has passed', () => {
    expect(computeNextFire(daily(9, 'Etc/UTC'), START)).toBe(Date.UTC(2025, 0, 7, 9, 15));
  });

  it('uses the trigger time zone', () => {
    // 09:15 in New York (UTC-5 in January) is 14:15 UTC.
    expect(computeNextFire(daily(9, 'America/New_York'), START)).toBe(Date.UTC(2025, 0, 6, 14, 15));
  });

  it('keeps the local hour across a DST change', () => {
    const trigger = {
      id: '1',
      handlerFunction: 'f',
      eventType: 'CLOCK' as const,
      ownerKey: 'u',
      documentId: 'd',
      schedule: daily(9, 'Europe/Paris', 0),
      createdMs: 0,
      nextFireMs: Date.UTC(2025, 2, 29, 8), // Saturday 09:00 in Paris (UTC+1)
    };
    scheduleAfterFire(trigger, trigger.nextFireMs);
    expect(trigger.nextFireMs).toBe(Date.UTC(2025, 2, 30, 7)); // Sunday 09:00 in Paris (UTC+2)
  });

  it('fires every n days at the hour', () => {
    const trigger = {
      id: '1',
      handlerFunction: 'f',
      eventType: 'CLOCK' as const,
      ownerKey: 'u',
      documentId: 'd',
      schedule: { ...daily(6, 'Etc/UTC', 0), interval: 3 },
      createdMs: 0,
      nextFireMs: Date.UTC(2025, 0, 6, 6),
    };
    scheduleAfterFire(trigger, trigger.nextFireMs);
    expect(trigger.nextFireMs).toBe(Date.UTC(2025, 0, 9, 6));
  });
});

describe('time-driven event', () => {
  it('carries auth mode and UTC fields', () => {
    const event = createTimeDrivenEvent(
      {
        id: '7',
        handlerFunction: 'f',
        eventType: 'CLOCK',
        ownerKey: 'u',
        documentId: 'd',
        schedule: { unit: 'hours', interval: 1, atHour: null, minute: 0, timeZone: 'Etc/UTC' },
        createdMs: 0,
        nextFireMs: 0,
      },
      START,
    );
    expect(event).toMatchObject({
      authMode: 'FULL',
      triggerUid: '7',
      year: 2025,
      month: 1,
      'day-of-month': 6,
      'day-of-week': 1,
      hour: 10,
      minute: 30,
      timezone: 'UTC',
    });
  });
});
