/**
 * The schedule panel: interval and hour, last and next run, watchdog warnings, the paused state
 * with Resume, and the latest runs. A schedule pushes the selected sheet with the push form's
 * last options.
 */

import type { RunSummaryDto, ScheduleDto, ScheduleInterval } from '../shared/api';
import type { App } from './app';
import { field, formatTime, h, replaceChildren, uniqueId } from './dom';

export const INTERVAL_LABELS: ReadonlyArray<[ScheduleInterval, string]> = [
  ['off', 'Off'],
  ['hourly', 'Every hour'],
  ['every2h', 'Every 2 hours'],
  ['every4h', 'Every 4 hours'],
  ['every6h', 'Every 6 hours'],
  ['every12h', 'Every 12 hours'],
  ['daily', 'Daily'],
];

const RUN_LOG_LIMIT = 5;

export function renderSchedule(app: App, root: HTMLElement): void {
  const body = h('div', {}, h('p', { class: 'hint' }, 'Loading the schedule…'));
  replaceChildren(root, h('h2', {}, 'Schedule'), body);

  void app.busy(null, async () => {
    const [schedule, log] = await Promise.all([
      app.call('getSchedule'),
      app.call('getRunLog', RUN_LOG_LIMIT),
    ]);
    const loaded = app.unwrap(schedule);
    if (!loaded) {
      replaceChildren(body, h('p', { class: 'hint' }, 'The schedule could not be read.'));
      return;
    }
    const runs = log.ok ? log.runs : [];
    replaceChildren(
      body,
      scheduleForm(app, loaded.schedule, loaded.warnings, () => renderSchedule(app, root)),
      runList(runs),
    );
  });
}

function scheduleForm(
  app: App,
  schedule: ScheduleDto | undefined,
  warnings: string[],
  reload: () => void,
): HTMLElement {
  const interval = h('select', { id: uniqueId('interval'), 'data-testid': 'interval' });
  for (const [value, label] of INTERVAL_LABELS) {
    interval.appendChild(h('option', { value, selected: (schedule?.interval ?? 'off') === value }, label));
  }
  const hour = h('select', { id: uniqueId('hour'), 'data-testid': 'hour' });
  for (let value = 0; value < 24; value += 1) {
    const label = `${String(value).padStart(2, '0')}:00`;
    hour.appendChild(h('option', { value, selected: (schedule?.hour ?? 6) === value }, label));
  }
  const hourField = field('Hour', hour, "In the spreadsheet's time zone.");
  const showHour = (): void => {
    hourField.hidden = interval.value !== 'daily';
  };
  interval.addEventListener('change', showHour);
  showHour();

  const save = h('button', { type: 'button' }, 'Save schedule');
  save.addEventListener('click', () => {
    void app.busy(save, async () => {
      const value = interval.value as ScheduleInterval;
      if (value === 'off') {
        if (app.unwrap(await app.call('deleteSchedule'))) app.showInfo('Schedule turned off.');
        reload();
        return;
      }
      const state = app.state;
      if (!state) return;
      const request = {
        interval: value,
        sheetId: schedule?.sheetId ?? state.activeSheet.sheetId,
        options: { ...state.lastOptions, overwrite: false, dryRun: false },
        ...(value === 'daily' ? { hour: Number(hour.value) } : {}),
      };
      if (app.unwrap(await app.call('saveSchedule', request))) app.showInfo('Schedule saved.');
      reload();
    });
  });

  const paused = schedule?.paused
    ? h(
        'div',
        { class: 'message warning', 'data-testid': 'schedule-paused' },
        h('p', {}, `Paused: ${schedule.pauseReason ?? 'no reason recorded.'}`),
        resumeButton(app, reload),
      )
    : null;

  return h(
    'div',
    { class: 'schedule' },
    ...warnings.map((warning) => h('p', { class: 'message warning', role: 'status' }, warning)),
    paused,
    field('Push automatically', interval),
    hourField,
    h(
      'p',
      { class: 'hint' },
      "Scheduled pushes never use overwrite. They use the push form's last warehouse and options.",
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Last run'),
      h('dd', {}, formatTime(schedule?.lastRunAt)),
      h('dt', {}, 'Next run'),
      h('dd', {}, formatTime(schedule?.nextRunAt)),
      schedule?.estimatedDailyMinutes !== undefined ? h('dt', {}, 'Daily trigger time') : null,
      schedule?.estimatedDailyMinutes !== undefined
        ? h('dd', {}, `about ${schedule.estimatedDailyMinutes} min`)
        : null,
    ),
    h('div', { class: 'actions' }, save),
  );
}

function resumeButton(app: App, reload: () => void): HTMLElement {
  const button = h('button', { type: 'button' }, 'Resume schedule');
  button.addEventListener('click', () => {
    void app.busy(button, async () => {
      if (app.unwrap(await app.call('resumeSchedule'))) app.showInfo('Schedule resumed.');
      reload();
    });
  });
  return button;
}

function runList(runs: RunSummaryDto[]): HTMLElement {
  if (runs.length === 0) return h('p', { class: 'hint' }, 'No runs yet.');
  return h(
    'section',
    { 'aria-label': 'Latest runs' },
    h('h3', {}, 'Latest runs'),
    h(
      'ul',
      { class: 'runs' },
      ...runs.map((run) =>
        h(
          'li',
          { class: `run ${run.outcome}` },
          h('span', { class: 'run-time' }, `${formatTime(run.startedAt)} · ${run.trigger} · ${run.outcome}`),
          h('span', { class: 'run-message' }, run.message),
        ),
      ),
    ),
  );
}
