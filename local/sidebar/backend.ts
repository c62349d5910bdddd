// Interface between the sidebar preview server and whatever runs the server functions: the
// local Apps Script runtime against the emulator, or the stand-in used before the endpoints existed.

import type { Workbook } from '../runtime/spreadsheet/model';

export interface SidebarBackend {
  /** Runs one server function as a sidebar call; throws an Error whose message the sidebar shows. */
  execute(name: string, args: unknown[]): Promise<unknown>;
  /** The workbook the calls read and write, for the grid view. */
  workbook(): Workbook;
  /** Saves the workbook to `path` (.xlsx or .csv). */
  save(path: string): Promise<void>;
  /** Stops what the backend started, such as the emulator process. */
  close(): Promise<void>;
  /** One line for the console, e.g. the emulator URL and demo token. */
  describe(): string;
}
