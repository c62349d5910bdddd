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

export function isAddonError(error: unknown): error is AddonError {
  return error instanceof Error && typeof (error as Partial<AddonError>).code === 'string';
}
