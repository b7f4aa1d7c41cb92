// Where the CLI writes: stdout for the data (JSON, CSV, SARIF, Markdown), stderr for messages. Every message
// goes through say(), which escapes what a terminal would act on, since file names and lexicon values are
// the user's (or an attacker's) bytes.

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
  process.stderr.write(text.split('\n').map(terminalSafe).join('\n') + '\n');
}

/** A problem or note of the run, as the CLI words it on stderr. */
export function sayProblem(message: string): void {
  say(`readout-lens: ${message}`);
}
