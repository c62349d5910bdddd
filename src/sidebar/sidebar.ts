/**
 * Sidebar entry: loads the sidebar state, then shows the Push, Schedule or Settings screen.
 * The server picks the first screen with a `data-screen` attribute on the body: `home`, `push`,
 * `validate`, `settings` or `schedule`. The value `validate` opens the push screen and validates
 * at once.
 * A URL fragment such as `#settings` does the same in the local preview.
 */

import { type App, createApp } from './app';
import { h, replaceChildren } from './dom';
import { renderPush } from './push-screen';
import { createRpc } from './rpc';
import { renderSchedule } from './schedule-screen';
import { renderSettings } from './settings-screen';

type ScreenName = 'push' | 'schedule' | 'settings';

type ScreenRenderer = (app: App, root: HTMLElement, validateNow: boolean) => void;

const SCREENS: ReadonlyArray<[ScreenName, string, ScreenRenderer]> = [
  ['push', 'Push', renderPush],
  ['schedule', 'Schedule', renderSchedule],
  ['settings', 'Settings', renderSettings],
];

function isScreenName(value: string | undefined): value is ScreenName {
  return SCREENS.some(([name]) => name === value);
}

/** Reads the screen the server or the URL requests, once, before the sidebar draws itself. */
function requestedScreen(): { name: ScreenName | undefined; validateNow: boolean } {
  const requested = window.location.hash.replace(/^#/, '') || document.body.dataset.screen;
  if (requested === 'validate') return { name: 'push', validateNow: true };
  return { name: isScreenName(requested) ? requested : undefined, validateNow: false };
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;

  const warnings = h('div', { class: 'warnings', 'data-testid': 'warnings' });
  const messages = h('div', { class: 'messages', 'data-testid': 'messages' });
  const screen = h('main', { class: 'screen', id: 'screen', tabindex: '-1' });
  const tabs = h('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Sidebar screens' });
  const app = createApp(createRpc(), messages);

  const request = requestedScreen();
  // The push screen is rendered once and kept, so a push in progress, its progress bar and its
  // results survive a visit to another tab. The other screens load fresh data on every visit.
  let pushPanel: HTMLElement | undefined;
  const show = (name: ScreenName, validateNow = false): void => {
    for (const tab of Array.from(tabs.children)) {
      const selected = (tab as HTMLElement).dataset.screen === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.setAttribute('tabindex', selected ? '0' : '-1');
    }
    document.body.dataset.currentScreen = name;
    app.clearMessage();
    if (name === 'push' && pushPanel !== undefined && !validateNow) {
      replaceChildren(screen, pushPanel);
      return;
    }
    const panel = h('div', { class: 'panel' });
    replaceChildren(screen, panel);
    if (name === 'push') pushPanel = panel;
    const render = SCREENS.find(([screenName]) => screenName === name)?.[2];
    render?.(app, panel, validateNow);
  };

  for (const [name, label] of SCREENS) {
    const tab = h(
      'button',
      { type: 'button', role: 'tab', 'data-screen': name, 'aria-controls': 'screen' },
      label,
    );
    tab.addEventListener('click', () => show(name));
    tabs.appendChild(tab);
  }
  tabs.addEventListener('keydown', (event) => moveTabFocus(event, tabs));

  replaceChildren(
    root,
    h('header', {}, h('h1', {}, 'JOOR Inventory Sync'), tabs),
    warnings,
    messages,
    screen,
  );
  replaceChildren(screen, h('p', { class: 'hint' }, 'Loading…'));

  void app.busy(null, async () => {
    const state = await app.refreshState();
    if (!state) return;
    // Watchdog findings (a missed scheduled run, a held lease) stay visible on every screen.
    for (const warning of state.warnings) {
      warnings.appendChild(h('p', { class: 'message warning', role: 'status' }, warning));
    }
    const first = request.name ?? (state.settings.hasToken ? 'push' : 'settings');
    show(first, request.validateNow);
    if (!state.settings.hasToken && first !== 'settings') {
      app.showInfo('No JOOR API token is saved yet: add one under Settings before pushing.');
    }
  });
}

/** Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects. */
function moveTabFocus(event: KeyboardEvent, tabs: HTMLElement): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const all = Array.from(tabs.children) as HTMLElement[];
  const current = all.indexOf(document.activeElement as HTMLElement);
  if (current < 0) return;
  const step = event.key === 'ArrowRight' ? 1 : -1;
  const next = all[(current + step + all.length) % all.length];
  next?.focus();
  next?.click();
  event.preventDefault();
}

start();
