// Scores a sentence's topics from its words, phrases and entity mentions, into one row of scores per sentence;
// context.ts then reads the readout around them and ranking.ts picks each sentence's topics. Reads the words from the shared scan's atoms (words.ts).
import type { EntityMention, Sentence, SentenceTopics } from '../types';
import { PerId, SpanScan, WordCache, interner, scanSpan } from '../text/scan';
import { StageScan, TOPIC_WORD, scanStage } from '../text/stageScan';
import { BACKDROP_TOPIC, OTHER_SLOT, SECONDARY_MIN_SCORE, TOPIC_COUNT, slotOf, type Evidence, type KeywordEvidence, type PhraseNode, type TopicModel } from './model';
import { resolveTopics, type TopicScores } from './context';
import { TopicHits } from './hits';
import { bestOf, modelSums, type ModelWord } from './trained';
import { ROLE, layoutRole } from './roles';
import { CAPITALISED_WORD, foldWord, surfaceOf, topicWordEnd } from './words';

interface WordForms {
  folded: string;
  surface: string;
}

/** A word that starts with a capital ("Health", "EU"): a title's portfolio (T2.p). */
const CAPITAL = /^\p{Lu}/u;
const formsCache = new WordCache<WordForms>((word) => ({ folded: foldWord(word), surface: surfaceOf(word) }));
let coveredBuffer = new Uint8Array(256);

/**
 * What one word spelling contributes: its keyword evidence (capitalised keywords already checked against its
 * surface form), its phrase-trie node, and what the trained model reads of it (ModelWord: T1.a, its pairs).
 */
interface TokenInfo extends ModelWord {
  keywords: KeywordEvidence[] | null;
  phrase: PhraseNode | null;
  /** The word's number in `TopicModel.phraseWords`, or -1 when no phrase goes on with it. */
  phraseWord: number;
  /** T2: a word of the parties' relationship itself. */
  relationship: boolean;
  /** T6: a word of courtesy or attendance. */
  courtesy: boolean;
  /** T2.a: a word that ends a title. */
  title: boolean;
  /** T2.p: an office written with a capital ("Minister"), whose portfolio may follow ("of Health"). */
  titleOffice: boolean;
  /** T2.p: a small word a title goes on over ("of", "for", "and"), lower-cased, else null; `capital`: written with a capital. */
  titleLink: string | null;
  capital: boolean;
  /** T2.k: the folded word, when written with a capital and then lower case ("Alliance"), else undefined. */
  head: string | undefined;
  /** T6.e: what a courtesy is on ("elections"). */
  occasion: boolean;
  /** T6.h: a word of condolence: what follows it is what the condolences are for, no subject. */
  mourning: boolean;
  /** T2.l: a means of settling a conflict ("diplomacy", "negotiation"); `joinsSettlement`: the word that joins one ("and"). */
  settlement: boolean;
  joinsSettlement: boolean;
  /** T2.p: a link that may follow an office right after it ("of", "for", "to", "on"). */
  titleFirstLink: boolean;
}

function tokenInfo(model: TopicModel, folded: string, surface: string): TokenInfo {
  // A capitalised keyword counts only where the text writes it so ("US", not "us"), plural allowed: a check on
  // the spelling alone, made once per spelling.
  const keywords = model.keywords.get(folded)?.filter((ev) => ev.exact === undefined || ev.exact === surface || ev.exact + 's' === surface);
  const lower = surface.toLowerCase();
  const words = model.roleWords;
  const capital = CAPITAL.test(surface);
  return {
    keywords: keywords !== undefined && keywords.length > 0 ? keywords : null,
    phrase: model.phrases.next.get(folded) ?? null,
    phraseWord: model.phraseWords.get(folded) ?? -1,
    relationship: words.relationship.has(lower),
    courtesy: words.courtesy.has(lower),
    title: words.title.has(lower),
    titleOffice: capital && words.titleOffice.has(lower),
    titleLink: words.titleLink.has(lower) ? lower : null,
    capital,
    head: CAPITALISED_WORD.test(surface) ? folded : undefined,
    occasion: words.occasion.has(lower),
    mourning: words.mourning.has(lower),
    settlement: words.settlement.has(lower),
    joinsSettlement: words.settlementJoin.has(lower),
    titleFirstLink: words.titleFirstLink.has(lower),
    trained: model.trained?.words.get(folded) ?? null,
    pairs: model.trained?.pairs.get(folded) ?? null,
    second: model.trained?.seconds.get(folded) ?? -1,
  };
}

/** policy T2.k: is `word` the short name of one of the bodies named? */
function namedAgain(heads: readonly Set<string>[], word: string): boolean {
  for (const h of heads) if (h.has(word)) return true;
  return false;
}

/** Per model: a word's info by the interned id of its spelling. */
const infoById = new WeakMap<TopicModel, PerId<TokenInfo>>();

function infoByIdOf(model: TopicModel): PerId<TokenInfo> {
  let byId = infoById.get(model);
  if (byId === undefined) {
    byId = new PerId<TokenInfo>((word) => {
      const forms = formsCache.get(word, 0, word.length);
      return tokenInfo(model, forms.folded, forms.surface);
    });
    infoById.set(model, byId);
  }
  return byId;
}

/**
 * Scores sentences one at a time into one array (a row of TOPIC_COUNT scores per sentence), then picks each
 * sentence's topics. assignTopics drives it; analyze() feeds it from its single pass over the sentences.
 */
export class TopicScorer {
  private readonly rows: Float64Array;
  /** Each sentence's role bits (roles.ts). */
  private readonly roles: Uint8Array;
  /** Each sentence's best topic slot by the trained model (trained.ts), else -1; `leads`: by how much it leads. */
  private readonly picks: Int8Array;
  private readonly leads: Float32Array;
  /** Each sentence's own feature sums by the trained model (TOPIC_COUNT a sentence), for T1.d's context. */
  private readonly modelRows: Float64Array | undefined;
  private readonly modelScores = new Float64Array(TOPIC_COUNT);
  private readonly byId: PerId<TokenInfo>;
  /** What each sentence's score was made of, for its topic evidence. */
  private readonly hits: TopicHits;
  private count = 0;
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  /** T2.p: whether only white space stands between each word and the one before it. */
  private spaced = new Uint8Array(256);
  private infos: TokenInfo[] = [];
  private own: SpanScan | undefined;
  private stage: StageScan | undefined;

  constructor(
    private readonly text: string,
    private readonly model: TopicModel,
    sentenceCount: number,
  ) {
    this.rows = new Float64Array(sentenceCount * TOPIC_COUNT);
    this.roles = new Uint8Array(sentenceCount);
    this.picks = new Int8Array(sentenceCount).fill(-1);
    this.leads = new Float32Array(sentenceCount);
    const trained = model.trained;
    if (trained !== undefined && trained.context > 0) this.modelRows = new Float64Array(sentenceCount * TOPIC_COUNT);
    this.hits = new TopicHits(sentenceCount);
    this.byId = infoByIdOf(model);
  }

  /**
   * Scores sentence number `i` (of the sentences passed to finish) from its entity mentions `mentions[from, to)`
   * (sorted by start). `atoms`, when given, is the shared scan of the sentence's span.
   */
  sentence(i: number, s: Sentence, mentions: readonly EntityMention[], from: number, to: number, atoms?: SpanScan): void {
    const text = this.text;
    this.count = 0;
    let own = typeof s.text === 'string' ? s.text : '';
    if (typeof text === 'string' && s.end > s.start && s.start < text.length) {
      const start = Math.max(0, s.start);
      const end = Math.min(s.end, text.length);
      if (atoms === undefined) {
        atoms = this.own ??= new SpanScan();
        scanSpan(text, start, end, atoms);
      }
      if (atoms.simple) this.wordsOf(text, atoms, 0, -1);
      else this.wordsOfSpan(text, start, end, 0);
    } else {
      // A sentence outside the text (a readout made by hand): its own text, at its offsets.
      own = `${s.text ?? ''}`;
      this.wordsOfSpan(own, 0, own.length, s.start);
    }
    if (i < this.roles.length) this.roles[i] = layoutRole(own);
    this.score(i, s.start, mentions, from, to);
  }

  /** The words of `text[start, end)` from its scan with this stage's word characters, a window at a time. */
  private wordsOfSpan(text: string, start: number, end: number, base: number): void {
    const scan = (this.stage ??= new StageScan());
    for (let from = start; ; ) {
      scanStage(text, from, end, TOPIC_WORD, scan);
      if (scan.stop >= end) {
        this.wordsOf(text, scan, base, -1);
        return;
      }
      from = this.wordsOf(text, scan, base, scan.stop);
    }
  }

  /**
   * Appends the topic words of `atoms` (offsets shifted by `base`). When the atoms are a window that stops at
   * `stop` (-1: they are the whole span), a word that may go on past them is left for the next window: returns
   * where the next window starts.
   */
  private wordsOf(text: string, atoms: SpanScan, base: number, stop: number): number {
    const byId = this.byId;
    byId.sync(atoms.generation);
    const n = atoms.count;
    const { start, end, id, word } = atoms;
    let count = this.count;
    let k = 0;
    while (k < n) {
      if (word[k] !== 1) {
        k++;
        continue;
      }
      const first = k;
      k = topicWordEnd(atoms, first);
      // Words longer than a window (a run of thousands of dotted words) are cut at its end.
      if (stop >= 0 && k + 1 >= n && first > 0) {
        this.count = count;
        return start[first];
      }
      const s = start[first];
      const e = end[k - 1];
      if (count === this.starts.length) this.grow();
      this.starts[count] = base + s;
      this.ends[count] = base + e;
      this.spaced[count] = count > 0 && onlySpace(text, this.ends[count - 1] - base, s) ? 1 : 0;
      this.infos[count] = byId.get(k > first + 1 ? interner.idOfRange(text, s, e) : id[first]);
      count++;
    }
    this.count = count;
    return stop;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
    const spaced = new Uint8Array(this.spaced.length * 2);
    spaced.set(this.spaced);
    this.spaced = spaced;
  }

  /**
   * Scores one sentence into its row: the words inside an entity mention are left to the entity's evidence (so
   * "China" is not counted twice; T3: a place's topic comes from the place named); elsewhere (T4) the longest
   * phrase starting at a word wins over the single word. Each topic's score adds the same weights in the same
   * order as a per-sentence map would.
   */
  private score(i: number, base: number, mentions: readonly EntityMention[], from: number, to: number): void {
    const { rows, model, starts, ends, infos, hits } = this;
    hits.open(i);
    const sentence = i;
    const row = i * TOPIC_COUNT;
    const count = this.count;
    // Mentions arrive sorted by start; a sweep marks the tokens they cover.
    if (coveredBuffer.length < count) coveredBuffer = new Uint8Array(count * 2);
    const covered = coveredBuffer;
    covered.fill(0, 0, count);
    let t = 0;
    // policy T2.k: the short names ("the Alliance") of the bodies this sentence names (NATO).
    let heads: Set<string>[] | undefined;
    // policy T6 (T6.h): after a word of condolence, what they are for (a loss, an attack) is no subject.
    let mourning = Infinity;
    for (let k = 0; k < count; k++) {
      if (infos[k].mourning) {
        mourning = starts[k];
        break;
      }
    }
    for (let q = from; q < to; q++) {
      const m = mentions[q];
      const named = model.heads.get(m.id);
      if (named !== undefined) (heads ??= []).push(named);
      const ev = model.entities.get(m.id);
      if (ev !== undefined && m.start < mourning) {
        add(rows, row, ev);
        hits.add(i, m.start - base, m.end - base, ev, true);
      }
      while (t < count && ends[t] <= m.start) t++;
      for (let k = t; k < count && starts[k] < m.end; k++) {
        // Words that start inside the mention ("Japan's" for the mention "Japan"); "US" in "Japan-US" stays its own
        // word when the mention is "Japan".
        if (starts[k] >= m.start && ev !== undefined) covered[k] = 1;
      }
    }
    titlePortfolios(infos, this.spaced, covered, count);
    let relationship = false;
    let courtesy = false;
    // policy T6 (T6.e): in a sentence of courtesy ("congratulated him on the smooth conduct of the legislative
    // elections"), what it is on is no subject: its words count for no topic.
    let courteous = false;
    let occasion = false;
    for (let k = 0; k < count; k++) {
      if (covered[k]) continue;
      if (infos[k].courtesy) courteous = true;
      if (infos[k].occasion) occasion = true;
    }
    const occasions = courteous && occasion;
    for (let i = 0; i < count; ) {
      if (covered[i]) {
        // T2.p: a title's words count for no topic, but the relationship it names is still read ("Minister of External Relations").
        if (covered[i] === TITLE_WORD && infos[i].relationship && starts[i] <= mourning) relationship = true;
        i++;
        continue;
      }
      const info = infos[i];
      if (starts[i] > mourning) break;
      if (heads !== undefined && info.head !== undefined && namedAgain(heads, info.head)) {
        // policy T2.k: "NATO … the Alliance" names one body twice; its mention has counted.
        i++;
        continue;
      }
      if (info.relationship && !meansOfSettlement(infos, covered, i, count)) relationship = true;
      if (info.courtesy) courtesy = true;
      let node: PhraseNode | undefined | null = info.phrase;
      let best: Evidence[] | undefined;
      let bestEnd = i;
      for (let j = i + 1; node !== null && node !== undefined && j < count && !covered[j]; j++) {
        node = node.byKey.get(infos[j].phraseWord);
        if (node === undefined) break;
        if (node.evidence !== undefined) {
          best = node.evidence;
          bestEnd = j;
        }
      }
      if (best !== undefined) {
        // policy T2 (T2.a): a title's words ("National Security Advisor") are no subject and no courtesy: they count for nothing.
        if (!(infos[bestEnd].title && onlyOther(best)) && !(occasions && !onlyOther(best) && anyOccasion(infos, i, bestEnd))) {
          add(rows, row, best);
          hits.add(sentence, starts[i] - base, ends[bestEnd] - base, best, false);
        }
        for (let k = i + 1; k <= bestEnd; k++) if (infos[k].relationship && !meansOfSettlement(infos, covered, k, count)) relationship = true;
        i = bestEnd + 1;
        continue;
      }
      if (info.keywords !== null && !(occasions && info.occasion)) {
        add(rows, row, info.keywords);
        hits.add(sentence, starts[i] - base, ends[i] - base, info.keywords, false);
      }
      i++;
    }
    if (relationship && i < this.roles.length) this.roles[i] |= ROLE.relationship;
    if (courtesy && i < this.roles.length) this.roles[i] |= ROLE.courtesy;
    // T6: 'other' is what no evidence is, never a score of its own; its words mark courtesy and framing, where
    // the parties' names are no subject either.
    if (rows[row + OTHER_SLOT] > 0 && i < this.roles.length) {
      this.roles[i] |= ROLE.marker;
      // ...unless the relationship itself is named ("the UK–Australia relationship"), not only a country.
      // policy T6 (T6.c): a word of courtesy with no word of the relationship leaves the parties' names no subject at all.
      if (rows[row + BACKDROP_SLOT] < SECONDARY_MIN_SCORE || (courtesy && !relationship)) rows[row + BACKDROP_SLOT] = 0;
    }
    rows[row + OTHER_SLOT] = 0;
    // T1.a, T1.b: the model reads every word, those inside entity mentions too, as it was trained.
    if (model.trained !== undefined && i < this.picks.length) this.modelPick(model.trained, mentions, from, to, i);
  }

  /** T1.a–T1.d: the trained model's pick for sentence i from its own features (its words, pairs of them, entities). */
  private modelPick(trained: NonNullable<TopicModel['trained']>, mentions: readonly EntityMention[], from: number, to: number, i: number): void {
    const scores = this.modelScores;
    const rows = this.modelRows;
    if (rows !== undefined) {
      // T1.d: the sentence's own sums are kept for its neighbours; its pick adds the prior to them.
      const at = i * TOPIC_COUNT;
      if (!modelSums(trained, this.infos, this.count, mentions, from, to, rows, at)) return;
      for (let t = 0; t < TOPIC_COUNT; t++) scores[t] = trained.prior[t] + rows[at + t];
    } else {
      // The prior first, then the features in order.
      scores.set(trained.prior);
      if (!modelSums(trained, this.infos, this.count, mentions, from, to, scores, 0)) return;
    }
    this.picks[i] = bestOf(scores, this.leads, i);
  }

  /** The scores and roles of the sentences scored so far (for a readout put together from paragraphs). */
  scores(): TopicScores {
    return { rows: this.rows, roles: this.roles, hits: this.hits, picks: this.picks, leads: this.leads, ...(this.modelRows !== undefined ? { modelRows: this.modelRows } : {}) };
  }

  /**
   * One SentenceTopics per sentence, in order, from the rows scored and the readout's context (context.ts);
   * `mentions` are the sentences' entity mentions, in order.
   */
  finish(sentences: readonly Sentence[], mentions: readonly EntityMention[], openingEnd = Infinity, issuer?: ReadonlySet<string>): SentenceTopics[] {
    return resolveTopics(this.text, this.model, sentences, mentions, this.rows, this.roles, openingEnd, this.hits, this.picks, this.leads, this.modelRows, issuer);
  }
}

const BACKDROP_SLOT = slotOf(BACKDROP_TOPIC);

/**
 * Policy T2 (T2.l): is the word of the relationship at `k` a means of settling a conflict, coordinated with another
 * ("dialogue and diplomacy are the only way to resolve the region's crises", "dialogue and negotiation")? Then it
 * is no channel of the parties'.
 */
function meansOfSettlement(infos: readonly TokenInfo[], covered: Uint8Array, k: number, count: number): boolean {
  return k + 2 < count && !covered[k + 1] && !covered[k + 2] && infos[k + 1].joinsSettlement && infos[k + 2].settlement;
}

/**
 * Policy T2 (T2.p): marks covered the words of an office's portfolio ("Minister of Health", "Under Secretary for
 * Nuclear Security", "Assistant to the President for National Security Affairs", "Minister for Foreign Affairs and
 * Trade"): after an office written with a capital and one of its first links (of, for, to, on), the words written
 * with a capital and the small words between them; before the office, the words written with a capital right up to it
 * ("Energy Secretary"). A title's words are no subject (T2.a); the same words outside a title still are. Words an
 * entity's mention covers stay its own, and so does evidence of the relationship alone.
 */
function titlePortfolios(infos: readonly TokenInfo[], spaced: Uint8Array, covered: Uint8Array, count: number): void {
  for (let k = 0; k < count; k++) {
    if (infos[k].titleOffice && !covered[k]) {
      // Before the office, its portfolio written first ("Energy Secretary", "National Climate Advisor", "Health and Human Services Secretary").
      let b = k - 1;
      let first = k;
      while (b >= 0 && spaced[b + 1] && !covered[b] && infos[b].capital && !infos[b].titleOffice) {
        if (infos[b].titleLink === null) first = b;
        b--;
      }
      for (let q = first; q < k; q++) if (!covered[q] && !backdropOnly(infos[q])) covered[q] = TITLE_WORD;
    }
    if (k + 2 >= count) continue;
    if (!infos[k].titleOffice || covered[k] || infos[k + 1].titleLink === null || !infos[k + 1].titleFirstLink || !spaced[k + 1]) continue;
    let j = k + 1;
    let last = -1;
    while (j < count && spaced[j]) {
      const w = infos[j];
      if (w.capital && w.titleLink === null) last = j;
      else if (w.titleLink === null) break;
      j++;
    }
    for (let q = k + 1; q <= last; q++) if (!covered[q] && !backdropOnly(infos[q])) covered[q] = TITLE_WORD;
    if (last > k) k = last;
  }
}

/** T2.p: is `text[from, to)` white space only (no comma, no full stop between two words)? */
function onlySpace(text: string, from: number, to: number): boolean {
  if (from < 0 || to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0)) return false;
  }
  return true;
}

/**
 * T2.p: is the word evidence of the relationship alone ("Minister of External Relations")? A diplomat's portfolio is
 * the parties' relationship, the readout's backdrop: it stays.
 */
function backdropOnly(info: TokenInfo): boolean {
  if (info.keywords === null) return false;
  for (const ev of info.keywords) if ((ev.slot ?? slotOf(ev.topic)) !== BACKDROP_SLOT) return false;
  return true;
}

/** T2.p: `covered`'s mark of a word of a title's portfolio (1: a word of an entity's mention). */
const TITLE_WORD = 2;

/** T6.e: is any of the words from..to (inclusive) what a courtesy is on? */
function anyOccasion(infos: readonly TokenInfo[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (infos[k].occasion) return true;
  return false;
}

/** Is all of `evidence` for 'other' (courtesy, framing, titles: T6)? */
function onlyOther(evidence: readonly Evidence[]): boolean {
  for (let k = 0; k < evidence.length; k++) if ((evidence[k].slot ?? slotOf(evidence[k].topic)) !== OTHER_SLOT) return false;
  return true;
}

function add(rows: Float64Array, row: number, evidence: readonly Evidence[]): void {
  for (let k = 0; k < evidence.length; k++) {
    const ev = evidence[k];
    rows[row + (ev.slot ?? slotOf(ev.topic))] += ev.weight;
  }
}
