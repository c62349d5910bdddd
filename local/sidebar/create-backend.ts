// Chooses the sidebar preview's backend: the local runtime with the emulator, or the stand-in
// that returns canned results without either.

import type { SidebarBackend } from './backend';
import { createRuntimeBackend } from './runtime-backend';
import { createStubBackend } from './stub-backend';

export interface BackendOptions {
  file: string;
  timeZone: string;
  locale: string;
  settingsFile?: string;
  /** Use the stand-in backend. */
  stub: boolean;
  onLog?: (line: string) => void;
}

export async function createBackend(options: BackendOptions): Promise<SidebarBackend> {
  if (options.stub) {
    return createStubBackend(options.file, options.timeZone, options.locale, options.settingsFile);
  }
  return createRuntimeBackend(options);
}
