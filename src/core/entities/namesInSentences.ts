// Name recognition inside analyze()'s sentence loop (policy E3, E5): the rules of names.ts read a sentence at a
// time, deferred where a lexicon person's surname may still be given later in the readout.
import type { SpanScan } from '../text/scan';
import type { EntityMention, ParsedReadout, Sentence, Span } from '../types';
import type { NameRules } from './nameRules';
import { hasOddSpace } from './nameText';
import { LEXICON_SURNAME, NameTokens } from './nameTokens';
import { Recogniser, byPosition, recogniseNames } from './names';

/**
 * Name recognition inside analyze()'s sentence loop, reading the shared scan's atoms. recogniseNames knows every
 * lexicon person before it reads a sentence; here they come a sentence at a time. The rules ask for a surname
 * only at a token the sentence holds, so a sentence is read at once unless a token of it is the surname of a
 * lexicon person not met yet: from that sentence on, the tokens are kept and read in finish(), when all are
 * known. The results never depend on which path ran (a conflict found anyway falls back to recogniseNames).
 */
export class NamesInSentences {
  private recogniser: Recogniser | undefined;
  private rules: NameRules | undefined;
  private text = '';
  private odd = false;
  /** This readout's tokens: the sentence read last, or every sentence from the first kept for finish(). */
  private readonly tokens = new NameTokens();
  /** Sentences kept for finish(), and where the tokens of each start. */
  private readonly keptFirsts: number[] = [];
  private readonly keptSentences: Sentence[] = [];

  begin(text: string, rules: NameRules): this {
    this.text = text;
    this.rules = rules;
    this.odd = hasOddSpace(text);
    this.recogniser = new Recogniser(text, rules, true);
    this.tokens.count = 0;
    this.keptFirsts.length = 0;
    this.keptSentences.length = 0;
    return this;
  }

  /** Sentence `s`, scanned into `atoms`, whose lexicon mentions are `entities[from, ...)` and unknown acronyms `acronyms[acronymsFrom, ...)`. */
  sentence(s: Sentence, atoms: SpanScan, entities: readonly EntityMention[], from: number, acronyms: readonly Span[], acronymsFrom: number): void {
    const r = this.recogniser as Recogniser;
    const rules = this.rules as NameRules;
    let known = entities;
    let to = entities.length;
    for (let k = from + 1; k < to; k++) {
      if (byPosition(entities[k - 1], entities[k]) > 0) {
        known = entities.slice(from).sort(byPosition);
        from = 0;
        to = known.length;
        break;
      }
    }
    for (let k = from; k < to; k++) r.knownMention(known[k]);
    const tokens = this.tokens;
    const keeping = this.keptSentences.length > 0;
    if (!keeping) tokens.count = 0;
    tokens.sentence(this.text, s.start, s.end, this.odd ? undefined : atoms, rules.words, known, from, to, acronyms, acronymsFrom, acronyms.length);
    if (!keeping && !this.mustWait(r, tokens)) {
      r.sentence(s, tokens, 0, tokens.count);
      return;
    }
    this.keptFirsts.push(tokens.first);
    this.keptSentences.push(s);
  }

  /** A token of the sentence is a lexicon person's surname that no lexicon mention so far has given. */
  private mustWait(r: Recogniser, tokens: NameTokens): boolean {
    if ((tokens.bits & LEXICON_SURNAME) === 0) return false;
    for (let k = tokens.first; k < tokens.count; k++) {
      if ((tokens.info[k] & LEXICON_SURNAME) !== 0 && tokens.taken[k] === 0 && !r.isLexiconSurname(this.text.slice(tokens.start[k], tokens.end[k]))) return true;
    }
    return false;
  }

  /** The lexicon mentions (sorted) with the names found merged in, in text order. */
  finish(readout: ParsedReadout, mentions: EntityMention[], acronyms: readonly Span[]): EntityMention[] {
    const r = this.recogniser as Recogniser;
    this.recogniser = undefined;
    const tokens = this.tokens;
    const firsts = this.keptFirsts;
    for (let i = 0; i < firsts.length; i++) r.sentence(this.keptSentences[i], tokens, firsts[i], i + 1 < firsts.length ? firsts[i + 1] : tokens.count);
    this.keptSentences.length = 0;
    if (r.conflict) return recogniseNames(this.text, readout, this.rules, mentions, acronyms);
    return r.finish(mentions, readout, acronyms);
  }
}
