/**
 * Sidebar entry: loads the sidebar state, then shows the Push, Schedule or Settings screen.
 * The server picks the first screen by replacing `data-start-screen="default"` on the body with
 * `push`, `schedule` or `settings`; a URL fragment (`#push`) does the same in the local preview.
 */

import { type App, createApp } from './app';
import { h, replaceChildren } from './dom';
import { renderPush } from './push-screen';
import { createRpc } from './rpc';
import { renderSchedule } from './schedule-screen';
import { renderSettings } from './settings-screen';

type ScreenName = 'push' | 'schedule' | 'settings';

const SCREENS: ReadonlyArray<[ScreenName, string, (app: App, root: HTMLElement) => void]> = [
  ['push', 'Push', renderPush],
  ['schedule', 'Schedule', renderSchedule],
  ['settings', 'Settings', renderSettings],
];

function isScreenName(value: string | undefined): value is ScreenName {
  return SCREENS.some(([name]) => name === value);
}

function requestedScreen(): ScreenName | undefined {
  const fromHash = window.location.hash.replace(/^#/, '');
  if (isScreenName(fromHash)) return fromHash;
  const fromBody = document.body.dataset.startScreen;
  return isScreenName(fromBody) ? fromBody : undefined;
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;

  const warnings = h('div', { class: 'warnings', 'data-testid': 'warnings' });
  const messages = h('div', { class: 'messages', 'data-testid': 'messages' });
  const screen = h('main', { class: 'screen', id: 'screen', tabindex: '-1' });
  const tabs = h('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Sidebar screens' });
  const app = createApp(createRpc(), messages);

  const show = (name: ScreenName): void => {
    for (const tab of Array.from(tabs.children)) {
      const selected = (tab as HTMLElement).dataset.screen === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.setAttribute('tabindex', selected ? '0' : '-1');
    }
    document.body.dataset.screen = name;
    app.clearMessage();
    const render = SCREENS.find(([screenName]) => screenName === name)?.[2];
    render?.(app, screen);
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
    const first = requestedScreen() ?? (state.settings.hasToken ? 'push' : 'settings');
    show(first);
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
