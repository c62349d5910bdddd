/** Error type for push failures that a caller must show to the user or branch on. */

export type PushErrorCode =
  | 'TOKEN_MISSING'
  | 'TOKEN_HAS_WHITESPACE'
  | 'PAYLOAD_TOO_LARGE'
  | 'ITEMS_PER_REQUEST_INVALID'
  | 'OVERWRITE_AFTER_SUCCESS'
  | 'BATCH_EMPTY';

/** A push failure with a stable code and a user-facing message. */
export class PushError extends Error {
  readonly code: PushErrorCode;
  readonly context: Record<string, string | number>;

  constructor(code: PushErrorCode, message: string, context: Record<string, string | number> = {}) {
    super(message);
    this.name = 'PushError';
    this.code = code;
    this.context = context;
  }
}
