// Sentence boundaries inside one paragraph: where . ! ? … end a sentence and where an abbreviation, an initial
// or a list marker does not. Offsets only: the caller makes the Sentence objects.
import { hasCodeUnit, isRegexSpace } from '../text/scan';
import type { SentenceWords } from './words';

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
function endsSentence(text: string, sentStart: number, runStart: number, runEnd: number, after: number, next: number, end: number, words: SentenceWords): boolean {
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
  if (runStart - ws > words.longest && !hasCodeUnit(text, ws, runStart, 46)) return true;
  const word = text.slice(ws, runStart);
  const lower = word.toLowerCase();
  // "1. At the outset" — a list number at the start of a sentence is not a sentence of its own.
  if (/^(\d{1,3}|[ivx]{1,5})$/.test(lower) && text.slice(sentStart, ws).trim().length === 0) return false;
  if (words.titles.has(lower)) return false;
  const nextWord = wordAt(text, next, end);
  const starter = words.starters.has(nextWord);
  if (words.soft.has(lower)) return starter && !isDigitCode(nc);
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
export function splitSentences(
  text: string,
  ps: number,
  pe: number,
  lineStarts: number[],
  bounds: SentenceBounds,
  words: SentenceWords,
  terminals = new TerminalFinder(text),
): number {
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
      count = bounds.push(text, sentStart, i, count);
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
        if (m < pe && endsSentence(text, sentStart, i, j, k, m, pe, words)) {
          count = bounds.push(text, sentStart, k, count);
          sentStart = m;
        }
        i = m - 1;
      }
    }
    i++;
  }
  return bounds.push(text, sentStart, pe, count);
}

/**
 * The sentence bounds splitSentences found, start and end side by side, reused from paragraph to paragraph by
 * its owner: the spans are read once, straight into the Sentence objects, so none is made for them.
 */
export class SentenceBounds {
  /** start of sentence k at 2k, its end at 2k + 1 */
  at = new Int32Array(512);

  /** Adds [s, e) less the whitespace around it, unless nothing is left, as sentence number `count`; the new count. */
  push(text: string, s: number, e: number, count: number): number {
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e === s) return count;
    if (2 * count + 2 > this.at.length) {
      const bigger = new Int32Array(2 * this.at.length);
      bigger.set(this.at);
      this.at = bigger;
    }
    this.at[2 * count] = s;
    this.at[2 * count + 1] = e;
    return count + 1;
  }
}

/**
 * The next position of a terminal character (. ! ? …) at or after a position, found with indexOf (native and
 * fast) and remembered while it is still ahead; positions asked for must not decrease. One finder serves all
 * the paragraphs of a text in order, so the searches cover the text once.
 */
export class TerminalFinder {
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

