// readout-lens: the same core as the extension, over files and folders (dist/cli.js; the commands are in
// src/cli/commands.ts). Exit codes: the rule is in src/cli/errors.ts (0 analysed, 1 lexicon errors, 2 failed).
// This same file also runs as the CLI's worker threads (src/cli/workers.ts). Bundled as dist/cliMain.js, which
// dist/cli.js (src/cli/launch.ts) starts from V8's code cache.
import { isMainThread, workerData } from 'worker_threads';
import { parseCommandLine, splitCommand } from './args';
import { COMMANDS, MAIN_USAGE, allOptions } from './commands';
import { CliError, EXIT_CODES, usageError } from './errors';
import { endQuietlyWhenOutputCloses, sayProblem, writeOut } from './output';
import { cliVersion } from './version';
import type { WorkerSetup } from './workers';

/** Runs the command line `argv` (without node and the script), writing to stdout and stderr; the exit code. */
export async function run(argv: string[], workerEntry = __filename): Promise<number> {
  let usage = MAIN_USAGE;
  try {
    const { command: name, rest } = splitCommand(argv, allOptions());
    const command = name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command) usage = command.usage;
    const args = parseCommandLine(rest, command?.options ?? allOptions());
    if (args === 'help' || args === 'version') {
      writeOut((args === 'help' ? usage : cliVersion()) + '\n');
      return 0;
    }
    if (name === undefined) throw usageError('no command given');
    if (!command) throw usageError(`unknown command "${name}"`);
    return await command.run(args, workerEntry);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    sayProblem(err.message + (err.kind === 'usage' ? `\n\n${usage}` : ''));
    return EXIT_CODES[err.kind];
  }
}

/** Runs the process's command line and sets its exit code: what `readout-lens` does (src/cli/launch.ts calls it). */
export function main(): void {
  endQuietlyWhenOutputCloses();
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      sayProblem(err instanceof Error ? err.message : String(err));
      process.exitCode = EXIT_CODES.internal;
    },
  );
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.readoutLensCli) {
  void import('./workers').then((w) => w.workerMain(workerData as WorkerSetup));
} else if (require.main === module) {
  main();
}
