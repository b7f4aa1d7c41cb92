// Finds the commitment cues of a readout sentence by sentence (policy: /docs/commitment-policy.md, rules C1-C5);
// each finder owns its token pool and matcher buffers, reused for every sentence it is given.
import { formatCount } from '../text/format';
import type { Cue, ParsedReadout, ReadoutProblem, Sentence } from '../types';
import { PerId, SpanScan, scanSpan } from '../text/scan';
import { tryCandidate } from './accept';
import { ACTOR_HISTORY, ACTOR_PRONOUN, actorKind, noteActor } from './actors';
import type { CompiledPattern, CueMatcher } from './compile';
import { CUE_WORK_PER_SENTENCE, CUE_WORK_PER_TOKEN, PatternMatcher } from './matcher';
import type { Accepted, SentenceContext } from './sentence';
import { CueStarts, Tokenizer, formsById, type Token } from './tokens';

/** Per matcher: the patterns a spelling can start, by interned id (null for none: most words). */
const firstsById = new WeakMap<CueMatcher, PerId<readonly CompiledPattern[] | null>>();

function firstsByIdOf(matcher: CueMatcher): PerId<readonly CompiledPattern[] | null> {
  let firsts = firstsById.get(matcher);
  if (firsts === undefined) {
    firsts = new PerId<readonly CompiledPattern[] | null>((_, id) => matcher.byFirstWord.get(formsById.get(id).lower) ?? null);
    firstsById.set(matcher, firsts);
  }
  return firsts;
}

/**
 * Finds cues sentence by sentence, in order, carrying the actors of earlier cues for pronouns: findCues drives
 * it, and analyze() feeds it from its single pass over the sentences with the shared scan of each.
 */
export class CueFinder {
  readonly cues: Cue[] = [];
  /** One 'cue-budget' warning per sentence whose matching work passed the budget (see CUE_WORK_PER_SENTENCE). */
  readonly problems: ReadoutProblem[] = [];
  /** The actors of the last ACTOR_HISTORY actor-bearing cues, a ring: `count` of them from `oldest` on. */
  private readonly recent: string[] = new Array<string>(ACTOR_HISTORY).fill('');
  /** actorKind of each of `recent`. */
  private readonly recentKinds = new Int32Array(ACTOR_HISTORY);
  private oldest = 0;
  private count = 0;
  private readonly firsts: PerId<readonly CompiledPattern[] | null>;
  private own: SpanScan | undefined;
  private readonly tokenizer: Tokenizer;
  private readonly starts = new CueStarts();
  private readonly patterns: PatternMatcher;

  /** `history`: the actors of the cues before the text, most recent last (the last ACTOR_HISTORY count). */
  constructor(
    private readonly text: string,
    private readonly matcher: CueMatcher,
    history: readonly string[] = [],
  ) {
    for (const actor of history.slice(-ACTOR_HISTORY)) this.remember(actor, actorKind(matcher.words, actor));
    this.firsts = firstsByIdOf(matcher);
    this.tokenizer = new Tokenizer(matcher.words);
    this.patterns = new PatternMatcher(matcher.words);
  }

  /** The cues of the next sentence. `atoms`, when given, is the shared scan of the sentence's span. */
  sentence(sentence: Sentence, atoms?: SpanScan): void {
    const { text, matcher, recent, firsts, starts, patterns } = this;
    if (atoms === undefined && sentence.start >= 0 && sentence.start <= sentence.end && sentence.end <= text.length) {
      atoms = this.own ??= new SpanScan();
      scanSpan(text, sentence.start, sentence.end, atoms);
    }
    let tokens: Token[];
    if (atoms !== undefined && atoms.simple) {
      firsts.sync(atoms.generation);
      const found = this.tokenizer.fromAtoms(text, atoms, firsts, starts);
      if (found === null) return;
      tokens = found;
    } else {
      tokens = this.tokenizer.tokenize(text, sentence.start, sentence.end);
      starts.count = 0;
      for (let k = 0; k < tokens.length; k++) {
        const first = matcher.byFirstWord.get(tokens[k].lower);
        if (first !== undefined) starts.note(k, first);
      }
    }
    // No word of the sentence starts a pattern: no cue, and the history stays as it is.
    if (starts.count === 0) return;
    // Every field set here, so the context keeps one shape (no property added later).
    const ctx: SentenceContext = {
      text,
      tokens,
      matcher,
      words: matcher.words,
      sentence: sentence.index,
      accepted: [],
      index: undefined,
      firstReporting: undefined,
      lastPlural: undefined,
      lastSingular: undefined,
    };
    const { recentKinds } = this;
    for (let k = 0; k < this.count; k++) {
      const r = (this.oldest + k) % ACTOR_HISTORY;
      noteActor(ctx, recent[r], recentKinds[r]);
    }
    patterns.work = 0;
    patterns.untried = 0;
    patterns.budget = CUE_WORK_PER_SENTENCE + CUE_WORK_PER_TOKEN * tokens.length;
    // The next token a cue may start at (after the last accepted cue).
    let next = 0;
    for (let q = 0; q < starts.count; q++) {
      const i = starts.at[q];
      if (i < next) continue;
      let taken: Accepted | undefined;
      const count = patterns.candidatesAt(tokens, i, starts.patterns[q]);
      const { candidates } = patterns;
      for (let c = 0; c < count && taken === undefined; c++) taken = tryCandidate(ctx, candidates[c]);
      if (taken) {
        ctx.accepted.push(taken);
        const actor = taken.cue.actor;
        const kind = actor === undefined ? ACTOR_PRONOUN : actorKind(matcher.words, actor);
        taken.actorKind = kind;
        if (actor !== undefined) noteActor(ctx, actor, kind);
        this.cues.push(taken.cue);
        next = Math.max(taken.endTok, i + 1);
      }
    }
    if (patterns.untried > 0) this.problems.push(budgetProblem(sentence, patterns.untried, patterns.budget));
    for (let k = 0; k < ctx.accepted.length; k++) {
      const actor = ctx.accepted[k].cue.actor;
      if (actor !== undefined) this.remember(actor, ctx.accepted[k].actorKind);
    }
  }

  /** Adds an actor to the history; the oldest goes when ACTOR_HISTORY are held. */
  private remember(actor: string, kind: number): void {
    let r: number;
    if (this.count < ACTOR_HISTORY) {
      r = (this.oldest + this.count) % ACTOR_HISTORY;
      this.count++;
    } else {
      r = this.oldest;
      this.oldest = (this.oldest + 1) % ACTOR_HISTORY;
    }
    this.recent[r] = actor;
    this.recentKinds[r] = kind;
  }
}

function budgetProblem(sentence: Sentence, untried: number, budget: number): ReadoutProblem {
  return {
    start: sentence.start,
    end: sentence.end,
    code: 'cue-budget',
    severity: 'warning',
    message:
      `Cue matching stopped early in this sentence: ${formatCount(untried)} tries of cue patterns were not made, as the work ` +
      `passed this sentence's budget of ${formatCount(budget)} steps (the lexicons hold many patterns starting with its words). ` +
      'Cues later in the sentence may be missing.',
  };
}

/**
 * Finds the cues of every sentence. Cues never overlap and come sorted by start; the result is deterministic.
 * `history` holds the actors of the cues before the text, most recent last (the last ACTOR_HISTORY count), for
 * resolving pronouns in its first sentences; it is not modified.
 */
export function findCues(text: string, readout: ParsedReadout, matcher: CueMatcher, history: readonly string[] = []): Cue[] {
  const finder = new CueFinder(text, matcher, history);
  for (const sentence of readout.sentences) finder.sentence(sentence);
  return finder.cues;
}
