// Records what scripts show through SpreadsheetApp.getUi() and Spreadsheet.toast(), across
// executions, and answers alerts and prompts with buttons a test queued.
import type { Execution } from './execution';
import {
  Button,
  type DialogRequest,
  type HtmlOutputLike,
  type RecordedMenu,
  type UiHost,
} from './spreadsheet';

export interface ShownHtml {
  title: string;
  content: string;
}

export interface RecordedUi {
  menus: RecordedMenu[];
  sidebars: ShownHtml[];
  dialogs: (ShownHtml & { modal: boolean })[];
  alerts: DialogRequest[];
  prompts: DialogRequest[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  /** Buttons the scripted user presses on the next alerts, in order. */
  alertAnswers: Button[];
  /** Answers to the next prompts, in order. */
  promptAnswers: { button: Button; text: string }[];
}

export function createRecordedUi(): RecordedUi {
  return {
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    prompts: [],
    toasts: [],
    alertAnswers: [],
    promptAnswers: [],
  };
}

function shown(output: HtmlOutputLike, title?: string): ShownHtml {
  return { title: title ?? output.getTitle?.() ?? '', content: output.getContent() };
}

/**
 * Creates the UiHost of one execution. With no queued answer, an alert or prompt returns CLOSE,
 * as when the user closes the dialog, so that nothing destructive is confirmed by default.
 */
export function createUiHost(ui: RecordedUi, execution: Execution): UiHost {
  return {
    hasUi: () => execution.settings.hasUi,
    addMenu: (menu) => {
      ui.menus.push(menu);
    },
    showSidebar: (output) => {
      ui.sidebars.push(shown(output));
    },
    showModalDialog: (output, title) => {
      ui.dialogs.push({ ...shown(output, title), modal: true });
    },
    showModelessDialog: (output, title) => {
      ui.dialogs.push({ ...shown(output, title), modal: false });
    },
    alert: (request) => {
      ui.alerts.push(request);
      return ui.alertAnswers.shift() ?? Button.CLOSE;
    },
    prompt: (request) => {
      ui.prompts.push(request);
      return ui.promptAnswers.shift() ?? { button: Button.CLOSE, text: '' };
    },
    toast: (message, title, timeoutSeconds) => {
      ui.toasts.push({ message, title, timeoutSeconds });
    },
  };
}
