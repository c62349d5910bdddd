// HtmlService fake: HtmlOutput objects over files in the bundle folder (`Sidebar.html` is the
// file `Sidebar`, as clasp pushes it).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Execution } from './execution';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' };
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

export function createHtmlOutput(execution: Execution, initial: string) {
  const enter = (method: string) => execution.enter('HtmlOutput', method);
  let content = initial;
  let title = '';
  let width = 0;
  let height = 0;

  const output = {
    getContent() {
      enter('getContent');
      return content;
    },
    setContent(html: unknown) {
      enter('setContent');
      content = String(html);
      return output;
    },
    append(html: unknown) {
      enter('append');
      content += String(html);
      return output;
    },
    getTitle() {
      enter('getTitle');
      return title;
    },
    setTitle(value: unknown) {
      enter('setTitle');
      title = String(value);
      return output;
    },
    /** Only custom dialogs use the width: every sidebar is 300 px wide. */
    setWidth(value: unknown) {
      enter('setWidth');
      width = Number(value);
      return output;
    },
    getWidth() {
      enter('getWidth');
      return width;
    },
    setHeight(value: unknown) {
      enter('setHeight');
      height = Number(value);
      return output;
    },
    getHeight() {
      enter('getHeight');
      return height;
    },
    setSandboxMode() {
      enter('setSandboxMode');
      return output;
    },
    setXFrameOptionsMode() {
      enter('setXFrameOptionsMode');
      return output;
    },
    addMetaTag() {
      enter('addMetaTag');
      return output;
    },
    setFaviconUrl() {
      enter('setFaviconUrl');
      return output;
    },
  };
  return output;
}

function readHtmlFile(bundleDir: string, name: unknown): string {
  const file = path.join(bundleDir, `${String(name)}.html`);
  if (typeof name !== 'string' || name.includes('/') || !existsSync(file)) {
    throw new Error(`No HTML file named ${String(name)} was found.`);
  }
  return readFileSync(file, 'utf8');
}

/**
 * Evaluates printing scriptlets whose expression is a template property name: `<?= name ?>` is
 * HTML-escaped and `<?!= name ?>` printed as is.
 * NOTE: code scriptlets (`<? ... ?>`) and expressions other than a property name are not supported.
 */
function evaluateTemplate(source: string, values: Record<string, unknown>): string {
  return source.replace(/<\?(!?=)\s*([A-Za-z_$][\w$]*)\s*;?\s*\?>/g, (_match, kind: string, name: string) => {
    const text = values[name] === undefined ? '' : String(values[name]);
    return kind === '!=' ? text : escapeHtml(text);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function createHtmlService(execution: Execution, bundleDir: string) {
  const enter = (method: string) => execution.enter('HtmlService', method);
  const createTemplate = (source: string) => {
    const template: Record<string, unknown> = {
      evaluate() {
        execution.enter('HtmlTemplate', 'evaluate');
        return createHtmlOutput(execution, evaluateTemplate(source, template));
      },
      getRawContent() {
        execution.enter('HtmlTemplate', 'getRawContent');
        return source;
      },
    };
    return template;
  };

  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      enter('createHtmlOutput');
      return createHtmlOutput(execution, html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(name: unknown) {
      enter('createHtmlOutputFromFile');
      return createHtmlOutput(execution, readHtmlFile(bundleDir, name));
    },
    createTemplate(html: unknown) {
      enter('createTemplate');
      return createTemplate(String(html));
    },
    createTemplateFromFile(name: unknown) {
      enter('createTemplateFromFile');
      return createTemplate(readHtmlFile(bundleDir, name));
    },
  };
}
