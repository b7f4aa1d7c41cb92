// Names no lexicon knows for a readout put together from paragraphs analysed apart (incremental.ts): the rules
// read the whole readout (a later surname links to its first introduction), but their tokens depend on a
// paragraph alone, so each paragraph's are read once, kept with it, and joined at their offsets on every run.
import { nameTokensOf, recogniseTokens } from '../entities/names';
import type { NameRules } from '../entities/nameRules';
import { NameTokens } from '../entities/nameTokens';
import type { EntityMention, ParsedReadout, Sentence, Span } from '../types';

/** Fields of a token in ParagraphNameTokens.data. */
const FIELDS = 4;

/**
 * One paragraph's name tokens, offsets relative to the paragraph: `data` holds start, end, info and taken of
 * each of the `count` tokens, then where each sentence's tokens start (one typed array, as a large readout has
 * tens of thousands of paragraphs).
 */
export interface ParagraphNameTokens {
  /** hasOddSpace of the readout they were read for: another value reads the tokens from the text, so again. */
  odd: boolean;
  count: number;
  data: Int32Array;
}

const scratch = new NameTokens();
const scratchFirsts: number[] = [];

/** The name tokens of a paragraph analysed on its own (`text` is the paragraph), as recogniseNames reads them. */
export function paragraphNameTokens(text: string, sentences: readonly Sentence[], rules: NameRules, mentions: readonly EntityMention[], acronyms: readonly Span[], odd: boolean): ParagraphNameTokens {
  scratch.count = 0;
  scratchFirsts.length = 0;
  nameTokensOf(text, sentences, rules, mentions, acronyms, odd, scratch, scratchFirsts);
  const count = scratch.count;
  const data = new Int32Array(count * FIELDS + scratchFirsts.length);
  const { start, end, info, taken } = scratch;
  for (let k = 0, o = 0; k < count; k++, o += FIELDS) {
    data[o] = start[k];
    data[o + 1] = end[k];
    data[o + 2] = info[k];
    data[o + 3] = taken[k];
  }
  data.set(scratchFirsts, count * FIELDS);
  return { odd, count, data };
}

/** The tokens of a readout's paragraphs joined at their offsets, in buffers kept from run to run (per document). */
export class JoinedNameTokens {
  private readonly tokens = new NameTokens();
  private firsts = new Int32Array(256);
  private sentences = 0;

  begin(): void {
    this.tokens.count = 0;
    this.sentences = 0;
  }

  /** Appends a paragraph's tokens placed at `offset`; its sentences are the next ones of the readout. */
  add(p: ParagraphNameTokens, sentences: number, offset: number): void {
    const t = this.tokens;
    const at = t.count;
    const need = at + p.count;
    t.room(p.count);
    const { start, end, info, taken } = t;
    const data = p.data;
    for (let k = 0, o = 0; k < p.count; k++, o += FIELDS) {
      start[at + k] = data[o] + offset;
      end[at + k] = data[o + 1] + offset;
      info[at + k] = data[o + 2];
      taken[at + k] = data[o + 3];
    }
    t.count = need;
    if (this.sentences + sentences > this.firsts.length) {
      const grown = new Int32Array(Math.max(this.sentences + sentences, this.firsts.length * 2));
      grown.set(this.firsts.subarray(0, this.sentences));
      this.firsts = grown;
    }
    const firsts = p.count * FIELDS;
    for (let i = 0; i < sentences; i++) this.firsts[this.sentences + i] = data[firsts + i] + at;
    this.sentences += sentences;
  }

  /** recogniseNames(text, readout, rules, mentions, acronyms) for the readout whose paragraphs were added. */
  recognise(text: string, readout: ParsedReadout, rules: NameRules, mentions: EntityMention[], acronyms: readonly Span[]): EntityMention[] {
    return recogniseTokens(text, readout, rules, mentions, acronyms, this.tokens, this.firsts.subarray(0, this.sentences));
  }
}
