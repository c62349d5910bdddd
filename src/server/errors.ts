import type { SheetProblem } from '../shared/types';

/** The one error type the server raises for conditions a user can act on. */
export class AddonError extends Error {
  readonly code: string;
  readonly details: Record<string, string | number | boolean | string[]> | undefined;

  constructor(code: string, message: string, details?: Record<string, string | number | boolean | string[]>) {
    super(message);
    this.name = 'AddonError';
    this.code = code;
    this.details = details;
  }
}

/** Details of a sheet problem for the sidebar: the columns to choose between and the field. */
export function problemDetails(problem: SheetProblem): Record<string, string | string[]> | undefined {
  if (problem.columns === undefined) return undefined;
  const details: Record<string, string | string[]> = { columns: problem.columns };
  if (problem.field !== undefined) details['field'] = problem.field;
  if (problem.columnNumbers !== undefined) details['columnNumbers'] = problem.columnNumbers.map(String);
  return details;
}

export function isAddonError(error: unknown): error is AddonError {
  return error instanceof Error && typeof (error as Partial<AddonError>).code === 'string';
}
