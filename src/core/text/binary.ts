// Binary content in a text: control characters a text file does not hold (tab, LF, VT, FF and CR excepted) and
// U+FFFD from bad UTF-8. One definition for the parser and the pipeline, which must agree on what they skip.

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const BINARY_CHARS = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/** Does the text hold any such character at all? When it does not, no span of it needs checking. */
export function mayHoldBinary(text: string): boolean {
  return BINARY_CHARS.test(text);
}

function isBinaryCode(c: number): boolean {
  return c <= 8 || (c >= 14 && c <= 31) || c === 0xfffd;
}

/**
 * Is [start, end) binary rather than text? Any NUL says so; otherwise more than one unit in ten being a control
 * character or U+FFFD does. Called only when the text holds such characters at all.
 */
export function isBinarySpan(text: string, start: number, end: number): boolean {
  let odd = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isBinaryCode(c)) odd++;
  }
  return odd * 10 > end - start;
}
