// Why an import failed, as a kind the commands can tell apart and a message in words a user can act on.

export type ImportFailure =
  | 'bad-input'
  | 'http-status'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'not-html'
  | 'no-article'
  | 'too-large'
  | 'timeout'
  | 'unreachable'
  | 'encoding';

export class ImportError extends Error {
  constructor(
    readonly failure: ImportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export function isImportError(err: unknown): err is ImportError {
  return err instanceof Error && err.name === 'ImportError' && typeof (err as ImportError).failure === 'string';
}
