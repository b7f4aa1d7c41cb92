// Where the CLI writes: stdout for the data (JSON, CSV, SARIF, Markdown), stderr for messages. Every message
// goes through say(), which escapes what a terminal would act on, since file names and lexicon values are
// the user's (or an attacker's) bytes. A reader that goes away (`| head -1`) ends the run quietly.

let stdoutClosed = false;
let stderrClosed = false;

/** Writes data (text, or UTF-8 bytes) to stdout, unless its reader has gone. */
export function writeOut(chunk: string | Uint8Array): void {
  if (!stdoutClosed) process.stdout.write(chunk);
}

const gone = (err: NodeJS.ErrnoException): boolean => err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED';

/**
 * For the CLI's entry: when stdout's reader closes (EPIPE), the run stops at once with exit 0, as `head` users
 * expect of a filter: the rest of the output, and the worker threads making it, would be for nobody. A closed
 * stderr only silences the messages. Other write errors stay errors.
 */
export function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (!gone(err)) throw err;
    stdoutClosed = true;
    process.exit(0);
  });
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (!gone(err)) throw err;
    stderrClosed = true;
  });
}

/** C0 controls but tab, DEL and C1 controls: ESC sequences, CSI (U+009B), carriage returns, bells. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/** `text` with every terminal control written as an escape (\x1b, \r, ...), so it shows and does nothing. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Writes one line to stderr, escaped; `text` may be several lines (a usage text), each escaped. */
export function say(text: string): void {
  if (!stderrClosed) process.stderr.write(text.split('\n').map(terminalSafe).join('\n') + '\n');
}

/** A problem or note of the run, as the CLI words it on stderr. */
export function sayProblem(message: string): void {
  say(`readout-lens: ${message}`);
}
