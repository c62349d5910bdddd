// The `SpreadsheetApp.getUi()` fake: menus, sidebars, dialogs, alerts and prompts are handed to
// a UiHost, which records them and scripts the buttons a user would press.

/** Buttons of alerts and prompts, with Apps Script's names. */
export enum Button {
  CLOSE = 'CLOSE',
  OK = 'OK',
  CANCEL = 'CANCEL',
  YES = 'YES',
  NO = 'NO',
}

/** Button sets of alerts and prompts, with Apps Script's names. */
export enum ButtonSet {
  OK = 'OK',
  OK_CANCEL = 'OK_CANCEL',
  YES_NO = 'YES_NO',
  YES_NO_CANCEL = 'YES_NO_CANCEL',
}

/** A menu as built through `createMenu`/`createAddonMenu` and shown with `addToUi()`. */
export interface RecordedMenu {
  /** The caption, or null for the add-on menu (Sheets names it after the add-on). */
  name: string | null;
  items: RecordedMenuEntry[];
}

/** One menu entry: an item that runs a global function, a separator or a submenu. */
export type RecordedMenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: RecordedMenu };

/** The subset of HtmlOutput that the UI methods read. */
export interface HtmlOutputLike {
  getContent(): string;
  getTitle?(): string;
}

/** An alert or prompt as the script asked for it. */
export interface DialogRequest {
  title: string | null;
  message: string;
  buttons: ButtonSet;
}

/**
 * Host of the `SpreadsheetApp.getUi()` fake, implemented by the runtime. The runtime decides whether the
 * execution has a UI (menu clicks and sidebar calls do, triggers do not) and which button a
 * scripted user presses.
 */
export interface UiHost {
  /** False in trigger executions, where `getUi()` throws as in Apps Script. */
  hasUi(): boolean;
  addMenu(menu: RecordedMenu): void;
  showSidebar(output: HtmlOutputLike): void;
  showModalDialog(output: HtmlOutputLike, title: string): void;
  showModelessDialog(output: HtmlOutputLike, title: string): void;
  /** Returns the button the scripted user presses. */
  alert(request: DialogRequest): Button;
  /** Returns the button the scripted user presses and the text typed. */
  prompt(request: DialogRequest): { button: Button; text: string };
  /** Records a toast. Toasts also work in trigger executions, where no user sees them. */
  toast(message: string, title: string, timeoutSeconds: number): void;
}

/** Counter of public fake method calls, supplied by the runtime. It may throw. */
export type CallCounter = (service: string, method: string) => void;

/** Builds the `Ui` object returned by `SpreadsheetApp.getUi()`. */
export function createUi(host: UiHost, onCall: CallCounter) {
  const createMenu = (name: string | null) => createMenuBuilder({ name, items: [] }, host, onCall);

  return {
    Button,
    ButtonSet,
    createMenu(caption: string) {
      onCall('Ui', 'createMenu');
      return createMenu(caption);
    },
    createAddonMenu() {
      onCall('Ui', 'createAddonMenu');
      return createMenu(null);
    },
    showSidebar(output: HtmlOutputLike) {
      onCall('Ui', 'showSidebar');
      host.showSidebar(output);
    },
    showModalDialog(output: HtmlOutputLike, title: string) {
      onCall('Ui', 'showModalDialog');
      host.showModalDialog(output, title);
    },
    showModelessDialog(output: HtmlOutputLike, title: string) {
      onCall('Ui', 'showModelessDialog');
      host.showModelessDialog(output, title);
    },
    alert(...args: unknown[]): Button {
      onCall('Ui', 'alert');
      return host.alert(readDialogArguments(args, ButtonSet.OK));
    },
    prompt(...args: unknown[]) {
      onCall('Ui', 'prompt');
      const { button, text } = host.prompt(readDialogArguments(args, ButtonSet.OK));
      return {
        getSelectedButton: () => button,
        getResponseText: () => text,
      };
    },
  };
}

/**
 * Reads the overloads `alert(prompt)`, `alert(prompt, buttons)` and
 * `alert(title, prompt, buttons)`. `prompt` has the same shapes.
 */
function readDialogArguments(args: unknown[], defaultButtons: ButtonSet): DialogRequest {
  const [first, second, third] = args;
  if (typeof first !== 'string') {
    throw new Error(`Invalid argument: prompt. Expected a string but got ${String(first)}.`);
  }
  if (typeof second === 'string') {
    return { title: first, message: second, buttons: (third as ButtonSet | undefined) ?? defaultButtons };
  }
  return { title: null, message: first, buttons: (second as ButtonSet | undefined) ?? defaultButtons };
}

interface MenuBuilder {
  addItem(caption: string, functionName: string): MenuBuilder;
  addSeparator(): MenuBuilder;
  addSubMenu(menu: MenuBuilder): MenuBuilder;
  addToUi(): void;
}

const menuModels = new WeakMap<MenuBuilder, RecordedMenu>();

function createMenuBuilder(menu: RecordedMenu, host: UiHost, onCall: CallCounter): MenuBuilder {
  const builder: MenuBuilder = {
    addItem(caption, functionName) {
      onCall('Menu', 'addItem');
      if (typeof functionName !== 'string' || functionName === '') {
        throw new Error('Invalid argument: functionName. Give the name of a global function as a string.');
      }
      menu.items.push({ kind: 'item', caption, functionName });
      return builder;
    },
    addSeparator() {
      onCall('Menu', 'addSeparator');
      menu.items.push({ kind: 'separator' });
      return builder;
    },
    addSubMenu(subMenu) {
      onCall('Menu', 'addSubMenu');
      const model = menuModels.get(subMenu);
      if (!model) throw new Error('Invalid argument: menu. Create the submenu with Ui.createMenu().');
      menu.items.push({ kind: 'submenu', menu: model });
      return builder;
    },
    addToUi() {
      onCall('Menu', 'addToUi');
      host.addMenu(menu);
    },
  };
  menuModels.set(builder, menu);
  return builder;
}
