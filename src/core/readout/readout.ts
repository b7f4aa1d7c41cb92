// The readout file format: header (YAML front matter, inline `date YYYY-MM-DD`, or a corpus metadata block),
// analyst-note comments, paragraphs and sentences, all as UTF-16 offsets into the untouched file text.
import { parseDocument } from 'yaml';
import { hasCodeUnit, isRegexSpace } from '../text/scan';
import type { Comment, Paragraph, ParsedReadout, ReadoutHeader, ReadoutProblem, Sentence, Span } from '../types';
import { formatCount } from '../text/format';

const CH_LF = 10;
const CH_CR = 13;

/** Whitespace as a reader sees it (JavaScript's `\s`: NBSP, the Unicode spaces and the BOM too), so odd text still splits. */
export const isSpaceCode = isRegexSpace;

function isLowerCode(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpperCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isLowerCode(c) || isUpperCode(c);
}

/** Titles that are never the end of a sentence ("Mr. Kishida", "Gen. Milley"). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'cmdr',
  'adm', 'sgt', 'hon', 'amb', 'pres', 'rev', 'mt', 'ft', 'fig', 'vol', 'art', 'sec', 'vs', 'cf', 'approx',
  'dept', 'e.g', 'i.e', 'viz', 'al',
]);
/** Abbreviations that usually continue the sentence but may end one ("... Biden, Jr. The ..."). */
const SOFT_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'etc',
]);
/**
 * Words that begin a new sentence after an ambiguous period ("the U.S. The leaders ..."). A capitalised word
 * not in this list keeps the sentence going ("the U.S. President", "John F. Kennedy").
 */
const SENTENCE_STARTERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'they', 'he', 'she', 'it', 'we', 'i', 'you', 'both', 'each', 'all',
  'in', 'on', 'at', 'as', 'for', 'after', 'before', 'during', 'while', 'with', 'furthermore', 'moreover',
  'however', 'additionally', 'also', 'finally', 'meanwhile', 'there', 'their', 'his', 'her', 'its', 'our', 'a',
  'an', 'but', 'and', 'so', 'since', 'when', 'if', 'other', 'some', 'many', 'further', 'following', 'today',
  'separately', 'earlier', 'later', 'then', 'by', 'from', 'under', 'among', 'through', 'such', 'no', 'none',
  'on', 'over', 'to', 'nevertheless', 'thus', 'accordingly', 'similarly', 'likewise', 'lastly', 'first',
  'second', 'third', 'specifically', 'notably', 'indeed', 'instead', 'yesterday', 'tomorrow',
]);

function isCloser(c: number): boolean {
  // " ' ) ] » ” ’
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 0x201d || c === 0x2019;
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Where the word (letters, digits, inner dots) ending just before `end` starts; at most 16 units back. */
function wordStartBefore(text: string, end: number, floor: number): number {
  let s = end;
  const cap = Math.max(floor, end - 16);
  while (s > cap) {
    const c = text.charCodeAt(s - 1);
    if (isLetterCode(c) || isDigitCode(c) || (c === 46 && s - 1 > cap && isLetterCode(text.charCodeAt(s - 2)))) s--;
    else break;
  }
  return s;
}

/** The longest word the abbreviation and list-number checks of endsSentence can match. */
const LONGEST_SPECIAL_WORD = Math.max(5, ...[...TITLE_ABBREVIATIONS, ...SOFT_ABBREVIATIONS].map((w) => w.length));

/** The lower-cased word starting at `pos` (letters only, at most 20 units). */
function wordAt(text: string, pos: number, end: number): string {
  let e = pos;
  const cap = Math.min(end, pos + 20);
  while (e < cap && isLetterCode(text.charCodeAt(e))) e++;
  return text.slice(pos, e).toLowerCase();
}

/** "1. ", "12) ", "(a) ", "(iv) ", "a) ", "- ", "• " at `pos`: a list item that starts a sentence of its own. */
function listMarkerLength(text: string, pos: number, end: number): number {
  let p = pos;
  const c = text.charCodeAt(p);
  if (c === 45 || c === 42 || c === 0x2022) {
    return p + 1 < end && isSpaceCode(text.charCodeAt(p + 1)) ? 1 : 0;
  }
  const open = c === 40;
  if (open) p++;
  const bodyStart = p;
  while (p < end && p - bodyStart < 4 && (isDigitCode(text.charCodeAt(p)) || isLowerCode(text.charCodeAt(p)))) p++;
  if (p === bodyStart || p >= end) return 0;
  const close = text.charCodeAt(p);
  const ok = open ? close === 41 : close === 41 || (close === 46 && isDigitCode(text.charCodeAt(bodyStart)));
  if (!ok || p + 1 >= end || !isSpaceCode(text.charCodeAt(p + 1))) return 0;
  return p + 1 - pos;
}

/**
 * Decides whether the terminal run [runStart, runEnd) followed by closers up to `after` (then whitespace, then
 * `next`) ends a sentence. Ellipses split only before a capital letter; see the module notes in splitSentences.
 */
function endsSentence(text: string, sentStart: number, runStart: number, runEnd: number, after: number, next: number, end: number): boolean {
  const nc = text.charCodeAt(next);
  if (isLowerCode(nc)) return false;
  if (nc === 44 || nc === 59 || nc === 58) return false; // , ; :
  let dots = 0;
  let mark = false;
  for (let i = runStart; i < runEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) dots++;
    else if (c === 0x2026) dots += 3;
    else mark = true;
  }
  if (mark) return true;
  if (dots >= 2) return isUpperCode(nc) || nc === 34 || nc === 0x201c;
  if (after > runEnd) return true; // `together." The` — a closed quotation or parenthesis ends here
  const ws = wordStartBefore(text, runStart, sentStart);
  if (ws === runStart) return true;
  // Most sentences end after an ordinary word: longer than any abbreviation and without an inner dot. Decided
  // here without making the word's string (this runs once per sentence).
  if (runStart - ws > LONGEST_SPECIAL_WORD && !hasCodeUnit(text, ws, runStart, 46)) return true;
  const word = text.slice(ws, runStart);
  const lower = word.toLowerCase();
  // "1. At the outset" — a list number at the start of a sentence is not a sentence of its own.
  if (/^(\d{1,3}|[ivx]{1,5})$/.test(lower) && text.slice(sentStart, ws).trim().length === 0) return false;
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  const nextWord = wordAt(text, next, end);
  const starter = SENTENCE_STARTERS.has(nextWord);
  if (SOFT_ABBREVIATIONS.has(lower)) return starter && !isDigitCode(nc);
  if (lower.includes('.')) return starter; // U.S., U.K., U.N.
  if (word.length === 1 && isUpperCode(word.charCodeAt(0))) return starter; // "John F. Kennedy"
  return true;
}

/**
 * Splits one paragraph into sentences. A sentence ends at . ! ? or … (plus closing quotes/brackets) followed by
 * whitespace and a word that does not continue it; list items at a line start begin a new sentence. Ellipses
 * ("..." or "…") mid-sentence do not split unless followed by a capital letter: a trailing-off quotation
 * followed by a new capitalised sentence is the common case in readouts, a mid-sentence elision is rarer.
 */
function splitSentences(text: string, ps: number, pe: number, lineStarts: number[], terminals = new TerminalFinder(text)): number {
  let sentStart = ps;
  let li = 0;
  let count = 0;
  // Only line starts and terminal characters do anything: jump from one to the next.
  let i = ps;
  while (i < pe) {
    while (li < lineStarts.length && lineStarts[li] < i) li++;
    const lineStart = li < lineStarts.length ? lineStarts[li] : Infinity;
    const terminal = terminals.next(i);
    const at = Math.min(lineStart, terminal);
    if (at >= pe) break;
    i = at;
    if (lineStart === i && i > sentStart && listMarkerLength(text, i, pe) > 0) {
      count = pushSentence(text, sentStart, i, count);
      sentStart = i;
    }
    if (terminal === i) {
      let j = i;
      while (j < pe && isTerminal(text.charCodeAt(j))) j++;
      let k = j;
      while (k < pe && isCloser(text.charCodeAt(k))) k++;
      if (k >= pe || !isSpaceCode(text.charCodeAt(k))) {
        i = Math.max(i, k - 1);
      } else {
        let m = k;
        while (m < pe && isSpaceCode(text.charCodeAt(m))) m++;
        if (m < pe && endsSentence(text, sentStart, i, j, k, m, pe)) {
          count = pushSentence(text, sentStart, k, count);
          sentStart = m;
        }
        i = m - 1;
      }
    }
    i++;
  }
  return pushSentence(text, sentStart, pe, count);
}

/**
 * The sentence bounds splitSentences found, start and end side by side, reused from paragraph to paragraph:
 * the spans are read once, straight into the Sentence objects, so none is made for them.
 */
let bounds = new Int32Array(512);

/** Adds [s, e) less the whitespace around it, unless nothing is left, as sentence number `count`; the new count. */
function pushSentence(text: string, s: number, e: number, count: number): number {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e === s) return count;
  if (2 * count + 2 > bounds.length) {
    const bigger = new Int32Array(2 * bounds.length);
    bigger.set(bounds);
    bounds = bigger;
  }
  bounds[2 * count] = s;
  bounds[2 * count + 1] = e;
  return count + 1;
}

/**
 * The next position of a terminal character (. ! ? …) at or after a position, found with indexOf (native and
 * fast) and remembered while it is still ahead; positions asked for must not decrease. One finder serves all
 * the paragraphs of a text in order, so the searches cover the text once.
 */
class TerminalFinder {
  private dot = -1;
  private bang = -1;
  private question = -1;
  private ellipsis = -1;

  constructor(private readonly text: string) {}

  next(from: number): number {
    if (this.dot < from) this.dot = this.find('.', from);
    if (this.bang < from) this.bang = this.find('!', from);
    if (this.question < from) this.question = this.find('?', from);
    if (this.ellipsis < from) this.ellipsis = this.find('\u2026', from);
    return Math.min(this.dot, this.bang, this.question, this.ellipsis);
  }

  private find(ch: string, from: number): number {
    const at = this.text.indexOf(ch, from);
    return at < 0 ? Infinity : at;
  }
}

interface HeaderResult {
  header: ReadoutHeader;
  bodyStart: number;
}

const INLINE_HEADER = /^[\s\uFEFF]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/;
const METADATA_KEYS = new Set(['source', 'date', 'government', 'title', 'completeness', 'participants']);

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function lineEndAt(text: string, pos: number): number {
  let e = pos;
  const n = text.length;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === CH_LF || c === CH_CR) break;
    e++;
  }
  return e;
}

function nextLineStart(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === CH_CR && text.charCodeAt(lineEnd + 1) === CH_LF) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

function parseFrontMatter(text: string, fence: number, problems: ReadoutProblem[]): HeaderResult | undefined {
  const firstEnd = lineEndAt(text, fence);
  if (text.slice(fence, firstEnd).trimEnd() !== '---') return undefined;
  const contentStart = nextLineStart(text, firstEnd);
  let pos = contentStart;
  while (pos < text.length) {
    const le = lineEndAt(text, pos);
    const line = text.slice(pos, le).trimEnd();
    if (line === '---' || line === '...') {
      const header: ReadoutHeader = { kind: 'front-matter', span: { start: fence, end: le } };
      readYamlHeader(text.slice(contentStart, pos), contentStart, header, problems);
      return { header, bodyStart: nextLineStart(text, le) };
    }
    pos = nextLineStart(text, le);
    if (pos === le) break;
  }
  problems.push({
    start: fence,
    end: firstEnd,
    code: 'front-matter-unclosed',
    message: 'Front matter starts with "---" but has no closing "---" line; it is read as text.',
    severity: 'warning',
  });
  return undefined;
}

function readYamlHeader(yamlText: string, offset: number, header: ReadoutHeader, problems: ReadoutProblem[]): void {
  let data: unknown;
  try {
    // Data only: the core schema has no custom or language-specific tags, and aliases are capped.
    const doc = parseDocument(yamlText, { schema: 'core', customTags: [], prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) {
      problems.push({
        start: offset + e.pos[0],
        end: offset + Math.max(e.pos[1], e.pos[0]),
        code: 'front-matter-yaml',
        message: `Front matter: ${e.message.split('\n')[0]}`,
        severity: 'error',
      });
    }
    if (doc.errors.length > 0) return;
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    problems.push({
      start: offset,
      end: offset + yamlText.length,
      code: 'front-matter-yaml',
      message: `Front matter: ${err instanceof Error ? err.message : String(err)}`,
      severity: 'error',
    });
    return;
  }
  if (data == null) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      start: offset,
      end: offset + yamlText.length,
      code: 'front-matter-shape',
      message: 'Front matter must be a mapping of keys (title, date, source, government, participants).',
      severity: 'warning',
    });
    return;
  }
  const rec = data as Record<string, unknown>;
  for (const key of ['title', 'date', 'source', 'government'] as const) {
    const value = stringField(rec[key]);
    if (value !== undefined) header[key] = value;
  }
  const p = rec.participants;
  if (Array.isArray(p)) header.participants = p.map(stringField).filter((s): s is string => s !== undefined);
  else if (typeof p === 'string') header.participants = [p];
}

/** The corpus metadata block: `key: value` lines (known keys only) up to the first blank line. */
function parseMetadataBlock(text: string): HeaderResult | undefined {
  const header: ReadoutHeader = { kind: 'metadata' };
  let pos = 0;
  let lastEnd = 0;
  let lines = 0;
  while (pos < text.length) {
    const le = lineEndAt(text, pos);
    const line = text.slice(pos, le);
    if (line.trim().length === 0) break;
    const m = /^([A-Za-z][A-Za-z_-]{0,30}):[ \t]+(.*)$/.exec(line);
    if (!m || !METADATA_KEYS.has(m[1].toLowerCase())) return undefined;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'participants') header.participants = value.split(/\s*[;,]\s*/).filter((s) => s.length > 0);
    else if (key !== 'completeness') (header as unknown as Record<string, string>)[key] = value;
    lastEnd = pos + line.trimEnd().length;
    lines++;
    const nl = nextLineStart(text, le);
    if (nl === le) break;
    pos = nl;
  }
  if (lines === 0) return undefined;
  header.span = { start: 0, end: lastEnd };
  return { header, bodyStart: lastEnd };
}

function parseHeader(text: string, problems: ReadoutProblem[]): HeaderResult {
  let fence = 0;
  if (text.charCodeAt(0) === 0xfeff) fence = 1;
  if (text.startsWith('---', fence)) {
    const fm = parseFrontMatter(text, fence, problems);
    if (fm) return fm;
    return { header: { kind: 'none' }, bodyStart: 0 };
  }
  const inline = INLINE_HEADER.exec(text.length > 200 ? text.slice(0, 200) : text);
  if (inline) {
    const end = inline[0].length;
    const start = end - inline[0].trimStart().length;
    const date = inline[1];
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      problems.push({ start, end, code: 'header-date', message: `Header date ${date} is not a valid date.`, severity: 'warning' });
    }
    let body = end;
    while (body < text.length && (text.charCodeAt(body) === 32 || text.charCodeAt(body) === 9)) body++;
    return { header: { kind: 'inline', span: { start, end }, date }, bodyStart: body };
  }
  return parseMetadataBlock(text) ?? { header: { kind: 'none' }, bodyStart: 0 };
}

/** Lines longer than this are reported: they are usually generated or binary data, not prose. */
export const LONG_LINE_LENGTH = 100_000;
const MAX_LONG_LINE_REPORTS = 10;
/** Control characters a text file does not contain (tab, LF, VT, FF, CR excepted) and U+FFFD from bad UTF-8. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const BINARY_CHARS = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

function isBinaryCode(c: number): boolean {
  return c <= 8 || (c >= 14 && c <= 31) || c === 0xfffd;
}

/**
 * Is [start, end) binary rather than text? Any NUL says so; otherwise more than one unit in ten being a control
 * character or U+FFFD does. Called only when the text holds such characters at all.
 */
function isBinarySpan(text: string, start: number, end: number): boolean {
  let odd = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isBinaryCode(c)) odd++;
  }
  return odd * 10 > end - start;
}

/** Where a paragraph is: its span and the first non-space offset of each of its lines after the first. */
export interface ParagraphSpan extends Span {
  lineStarts: number[];
}

/**
 * The layout of a readout without its sentences: header, paragraph spans, comments and the problems found on
 * the way (header problems, long lines). Each paragraph's sentences depend on that paragraph's text alone
 * (`splitParagraph`), which is what lets an incremental analysis reuse unchanged paragraphs.
 */
export interface ReadoutLayout {
  header: ReadoutHeader;
  bodyStart: number;
  paragraphs: ParagraphSpan[];
  comments: Comment[];
  problems: ReadoutProblem[];
}

export function readoutLayout(text: string): ReadoutLayout {
  const problems: ReadoutProblem[] = [];
  let longLines = 0;
  const { header, bodyStart } = parseHeader(text, problems);
  const n = text.length;
  const paragraphs: ParagraphSpan[] = [];
  const comments: Comment[] = [];
  let paraStart = -1;
  let paraEnd = -1;
  // Most paragraphs are one line: they share one empty list (never pushed to) until a second line appears.
  const noLines: number[] = [];
  let lineStarts: number[] = noLines;
  const closeParagraph = (): void => {
    if (paraStart < 0) return;
    paragraphs.push({ start: paraStart, end: paraEnd, lineStarts });
    paraStart = -1;
    lineStarts = noLines;
  };
  // Line ends by indexOf (native): the next LF and CR at or after the line start, kept while still ahead.
  let nextLf = -1;
  let nextCr = -1;
  let pos = bodyStart;
  while (pos < n) {
    if (nextLf < pos) nextLf = text.indexOf('\n', pos) >>> 0;
    if (nextCr < pos) nextCr = text.indexOf('\r', pos) >>> 0;
    // (indexOf's -1 became 2^32 - 1: never found, always ahead.) The same line end as lineEndAt(text, pos).
    const le = Math.min(nextLf, nextCr, n);
    if (le - pos > LONG_LINE_LENGTH && longLines++ < MAX_LONG_LINE_REPORTS) {
      problems.push({
        start: pos,
        end: Math.min(le, pos + 1),
        code: 'long-line',
        message: `This line is ${formatCount(le - pos)} characters long (over ${formatCount(LONG_LINE_LENGTH)}): it may be generated or binary data rather than a readout.`,
        severity: 'info',
      });
    }
    let fnw = pos;
    while (fnw < le && isSpaceCode(text.charCodeAt(fnw))) fnw++;
    if (fnw < le) {
      let lnw = le;
      while (lnw > fnw && isSpaceCode(text.charCodeAt(lnw - 1))) lnw--;
      if (text.charCodeAt(fnw) === 47 && text.charCodeAt(fnw + 1) === 47) {
        // A comment line also ends the paragraph, so no sentence span ever runs across a note.
        closeParagraph();
        comments.push({ start: fnw, end: lnw, text: text.slice(fnw, lnw) });
      } else {
        if (paraStart < 0) paraStart = fnw;
        else if (lineStarts === noLines) lineStarts = [fnw];
        else lineStarts.push(fnw);
        paraEnd = lnw;
      }
    } else {
      closeParagraph();
    }
    const next = nextLineStart(text, le);
    if (next === le) break;
    pos = next;
  }
  closeParagraph();
  return { header, bodyStart, paragraphs, comments, problems };
}

/** Does the paragraph hold binary content (checked only when the text holds a control character at all)? */
export function isBinaryParagraph(text: string, span: Span, maybeBinary = BINARY_CHARS.test(text)): boolean {
  return maybeBinary && isBinarySpan(text, span.start, span.end);
}

/** The sentence spans of one paragraph (a span of `readoutLayout`), in order. Reads only [start, end). */
export function splitParagraph(text: string, paragraph: ParagraphSpan): Span[] {
  const count = splitSentences(text, paragraph.start, paragraph.end, paragraph.lineStarts);
  const out = new Array<Span>(count);
  for (let k = 0; k < count; k++) out[k] = { start: bounds[2 * k], end: bounds[2 * k + 1] };
  return out;
}

/** The binary-content problem for `count` skipped paragraphs, the first starting at `first`. */
export function binaryProblem(text: string, first: number, count: number): ReadoutProblem {
  const nul = text.indexOf('\u0000', first);
  const at = nul >= 0 ? nul : first;
  return {
    start: at,
    end: at + 1,
    code: 'binary-content',
    message:
      `The text contains binary content (NUL or control characters); ${formatCount(count)} ` +
      `paragraph${count === 1 ? '' : 's'} holding it ${count === 1 ? 'was' : 'were'} not analysed.`,
    severity: 'warning',
  };
}

/**
 * The paragraphs and sentences of parseReadout, skipping binary paragraphs (counted in `binary`). A function of
 * its own so that V8's code for the long loop, optimised while it runs, has no code after it that lacks type
 * feedback (which would throw the code out at every call).
 */
function splitAll(
  text: string,
  spans: readonly ParagraphSpan[],
  maybeBinary: boolean,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  binary: { first: number; paragraphs: number },
): void {
  const terminals = new TerminalFinder(text);
  for (const p of spans) {
    if (maybeBinary && isBinarySpan(text, p.start, p.end)) {
      if (binary.first < 0) binary.first = p.start;
      binary.paragraphs++;
      continue;
    }
    const count = splitSentences(text, p.start, p.end, p.lineStarts, terminals);
    const index = paragraphs.length;
    const own = new Array<number>(count);
    for (let k = 0; k < count; k++) {
      const start = bounds[2 * k];
      const end = bounds[2 * k + 1];
      own[k] = sentences.length;
      sentences.push({ start, end, index: sentences.length, paragraph: index, text: text.slice(start, end) });
    }
    paragraphs.push({ start: p.start, end: p.end, index, sentences: own });
  }
}

/**
 * Parses a readout. Never throws: anything odd in the text becomes a `problems` entry. Paragraphs that look
 * binary (NUL bytes, control characters) are reported once and not split into sentences, so no cue or entity
 * is read out of junk; lines over LONG_LINE_LENGTH are reported (and still analysed).
 */
export function parseReadout(text: string): ParsedReadout {
  const layout = readoutLayout(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const binary = { first: -1, paragraphs: 0 };
  splitAll(text, layout.paragraphs, BINARY_CHARS.test(text), paragraphs, sentences, binary);
  const problems = layout.problems;
  if (binary.first >= 0) problems.push(binaryProblem(text, binary.first, binary.paragraphs));
  const n = text.length;
  return { header: layout.header, body: { start: Math.min(layout.bodyStart, n), end: n }, paragraphs, sentences, comments: layout.comments, problems };
}
