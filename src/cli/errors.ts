// What can go wrong in a CLI run, as kinds, and the exit code each kind means: the documented codes are
// 0 success and 2 bad arguments or unreadable input. A run's code is the highest of its problems' codes.

export type ProblemKind =
  /** Bad arguments: the message is followed by the command's usage. */
  | 'usage'
  /** A file, folder or lexicon that cannot be read, or content that cannot be analysed. */
  | 'unreadable'
  /** A file analysed only up to --max-size-mb: worth saying, not a failure. */
  | 'truncated'
  /** A fault of the CLI itself (an exception nobody expected). */
  | 'internal';

export const EXIT_CODES: Readonly<Record<ProblemKind, number>> = { usage: 2, unreadable: 2, truncated: 0, internal: 2 };

/** One line for stderr, with its kind; plain data, so worker threads can send it. */
export interface Problem {
  kind: ProblemKind;
  message: string;
}

/** A problem that ends the run: thrown, and reported by the dispatcher (src/cli/main.ts). */
export class CliError extends Error implements Problem {
  constructor(
    readonly kind: ProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError('usage', message);
}

/** The exit code of a run that met these problems: 0 when none of them is a failure. */
export function exitCode(problems: Iterable<Pick<Problem, 'kind'>>): number {
  let code = 0;
  for (const p of problems) code = Math.max(code, EXIT_CODES[p.kind]);
  return code;
}

/** The errno code of a failed read (ENOENT, EISDIR, ...), or the error's message when it has none. */
export function reason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}
