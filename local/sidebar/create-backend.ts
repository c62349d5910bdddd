// Chooses the backend of the sidebar preview: the local runtime with the emulator, or the
// stand-in that answers without either.

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
  if (options.stub) return createStubBackend(options.file, options.timeZone, options.locale);
  return createRuntimeBackend(options);
}
