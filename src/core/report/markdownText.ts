// The one place where text from lexicons and readouts is made safe to put inside Markdown: hover cards, the
// status-bar tooltip, the Markdown export and the comparison. Data is always inline text there, never markup.
//
// Line breaks of every style (CRLF, CR, LF, NEL, U+2028, U+2029, VT, FF) are folded to one space: a blank line
// would end a code span, a bold span or a table row, and a lone CR is a line break to a Markdown renderer.
// Escaped: what can start formatting anywhere on a line (\ ` * _ [ ] < > | # ~), an & that would begin an
// entity reference, the $ of a theme icon $(name), and where the text can start a block, a list marker.
// Characters that mean nothing mid-line (. ( ) - ! and others) stay as they are, so a Markdown file stays
// readable as text.

/** Any run of whitespace, line breaks of every style included. */
const SPACE = /[\s\u0085]+/g;
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029\v\f]/g;

/** The text on one line: whitespace runs, line breaks included, become one space; no space at either end. */
export function foldLines(text: string): string {
  return text.replace(SPACE, ' ').trim();
}

/** Text that renders as itself inside a line: a table cell, a heading, after a label, inside bold. */
export function tableCell(text: string): string {
  return foldLines(text)
    .replace(/[\\`*_[\]<>|#~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\$(?=\()/g, '\\$');
}

/** Text that renders as itself in any position, a line's start included (a heading, a list item, a paragraph). */
export function escapeText(text: string): string {
  return tableCell(text)
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2')
    .replace(/^([-+])(?= |$)/, '\\$1');
}

/**
 * A code span showing the text verbatim: fenced with one backtick more than its longest backtick run, padded
 * when it starts or ends with a backtick, line breaks folded. In a table, its | escaped as well (GFM splits
 * cells before it reads code spans). Empty text gives an empty string.
 */
export function codeSpan(text: string, inTable = false): string {
  const body = text.replace(LINE_BREAK, ' ');
  if (!body.trim()) return '';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(body) || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
  const span = `${fence}${pad}${body}${pad}${fence}`;
  return inTable ? span.replace(/\|/g, '\\|') : span;
}

/** A link destination: what would end it early (spaces, parentheses, angle brackets, backslashes) percent-encoded. */
export function linkDestination(url: string): string {
  return url.replace(/[()\s<>\\\u0085]/g, (c) => (c < '\u0080' ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c)));
}
