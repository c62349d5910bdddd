// The Protection fake over a ProtectionModel stored on the sheet.

import type { FakeContext } from './fake-context';
import type { FakeRange } from './fake-range';
import type { FakeSheet } from './fake-sheet';
import type { ProtectionModel, SheetModel } from './model';

/** Apps Script's ProtectionType enum. */
export enum ProtectionType {
  RANGE = 'RANGE',
  SHEET = 'SHEET',
}

/** A user as the Protection methods return them. */
export interface FakeUser {
  getEmail(): string;
}

export type FakeProtection = ReturnType<typeof createProtection>;

/** Builds the Protection object for one stored protection. */
export function createProtection(
  context: FakeContext,
  owner: FakeSheet,
  sheet: SheetModel,
  model: ProtectionModel,
) {
  const count = (method: string) => context.count('Protection', method);
  const protection = {
    getProtectionType(): ProtectionType {
      count('getProtectionType');
      return model.type === 'SHEET' ? ProtectionType.SHEET : ProtectionType.RANGE;
    },
    getRange(): FakeRange {
      count('getRange');
      return owner.createRange(
        model.range ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
      );
    },
    getDescription(): string {
      count('getDescription');
      return model.description;
    },
    setDescription(description: string) {
      count('setDescription');
      model.description = String(description);
      return protection;
    },
    isWarningOnly(): boolean {
      count('isWarningOnly');
      return model.warningOnly;
    },
    setWarningOnly(warningOnly: boolean) {
      count('setWarningOnly');
      model.warningOnly = Boolean(warningOnly);
      return protection;
    },
    getEditors(): FakeUser[] {
      count('getEditors');
      return model.editors.map((email) => ({ getEmail: () => email }));
    },
    addEditor(email: string) {
      count('addEditor');
      if (!model.editors.includes(email)) model.editors.push(email);
      return protection;
    },
    addEditors(emails: string[]) {
      count('addEditors');
      for (const email of emails) if (!model.editors.includes(email)) model.editors.push(email);
      return protection;
    },
    removeEditors(editors: (string | FakeUser)[]) {
      count('removeEditors');
      const removed = new Set(
        editors.map((editor) => (typeof editor === 'string' ? editor : editor.getEmail())),
      );
      model.editors = model.editors.filter((email) => !removed.has(email));
      return protection;
    },
    canDomainEdit(): boolean {
      count('canDomainEdit');
      return model.domainEdit;
    },
    setDomainEdit(editable: boolean) {
      count('setDomainEdit');
      model.domainEdit = Boolean(editable);
      return protection;
    },
    canEdit(): boolean {
      count('canEdit');
      return true;
    },
    remove(): void {
      count('remove');
      sheet.protections = sheet.protections.filter((candidate) => candidate !== model);
    },
  };
  return protection;
}
