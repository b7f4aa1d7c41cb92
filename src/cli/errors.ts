// What can go wrong in a CLI run, as kinds, and the exit code each kind means. The one rule (in the help too):
//   0  every input analysed; warnings (a file cut at --max-size-mb, a skipped link, bytes that are not UTF-8)
//      are said on stderr and do not fail: the output is complete for what was given;
//   1  analysed, but a lexicon had errors: the output is written, without the entries that were skipped;
//   2  bad arguments, or an input that could not be read (a file, a folder, a lexicon), or a fault of the CLI.
//      A lexicon that cannot be read stops the run before anything is written: every file would be analysed
//      without it. A run's code is the highest of its problems' codes.
// Output into a closed pipe (`| head -1`) stops the run at once with 0 (src/cli/output.ts): the reader has what
// it wanted, as with any Unix filter.

import type { TextRead } from '../runtime/readText';

export type ProblemKind =
  /** Bad arguments: the message is followed by the command's usage. */
  | 'usage'
  /** A file, folder or lexicon that cannot be read, or content that cannot be analysed. */
  | 'unreadable'
  /** A lexicon entry with an error, skipped: the output is written, but not with the lexicon the user wrote. */
  | 'lexicon'
  /** Worth saying, not a failure: a file analysed only up to --max-size-mb, a link skipped, ... */
  | 'warning'
  /** A fault of the CLI itself (an exception nobody expected). */
  | 'internal';

export const EXIT_CODES: Readonly<Record<ProblemKind, number>> = { usage: 2, unreadable: 2, lexicon: 1, warning: 0, internal: 2 };

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

/** The exit-code rule as every command's help states it. */
export const EXIT_CODES_HELP = `Exit codes: 0 every input analysed (warnings, such as a file cut at the size limit or a skipped link,
             do not fail); 1 analysed, but a lexicon had errors (their entries were skipped); 2 bad arguments,
             an input that could not be read, or a fault of the CLI (an unreadable lexicon: nothing is written).
            Output into a closed pipe (| head) stops the run quietly with 0.`;

/** The warning for a file whose bytes were not all valid in its encoding (they were read as U+FFFD), if any. */
export function noteInvalidText(file: string, read: Pick<TextRead, 'encoding' | 'invalidAt'>, problems: Problem[]): void {
  if (read.invalidAt !== undefined) problems.push({ kind: 'warning', message: `${file}: not valid ${read.encoding.toUpperCase()} at byte ${read.invalidAt} (read as U+FFFD)` });
}
