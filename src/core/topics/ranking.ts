// From a sentence's topic scores to its topics: the best and second-best of its own row, else the evidence of
// its context (its paragraph, then the sentence before it), else 'other'.
import type { Sentence, SentenceTopics } from '../types';
import { TOPIC_IDS } from '../types';
import { BACKDROP_TOPIC, SECONDARY_MIN_SCORE, SECONDARY_RATIO, TOPIC_COUNT, TOPIC_WEIGHTS, USER_TERM_FACTOR, slotOf } from './model';
import { isLayoutLine } from './layout';
import { ROLE } from './roles';
import type { RoleWords } from './roleWords';

/**
 * The best and second-best topics of a row; ties go to the lower `rank` (scorer.ts: the backdrop topic loses
 * ties, then the lexicon's topic order).
 */
function pick(scores: Float64Array, row: number, sentence: number, rank: Int32Array): SentenceTopics | undefined {
  let first = -1;
  let second = -1;
  for (let t = 0; t < TOPIC_COUNT; t++) {
    const v = scores[row + t];
    if (!(v > 0)) continue;
    if (first < 0 || v > scores[row + first] || (v === scores[row + first] && rank[t] < rank[first])) {
      second = first;
      first = t;
    } else if (second < 0 || v > scores[row + second] || (v === scores[row + second] && rank[t] < rank[second])) {
      second = t;
    }
  }
  if (first < 0) return undefined;
  const result: SentenceTopics = { sentence, primary: TOPIC_IDS[first], evidence: { rule: 'words' } };
  if (second >= 0) {
    const top = scores[row + first];
    const v = scores[row + second];
    if (v >= SECONDARY_MIN_SCORE && v >= top * SECONDARY_RATIO) result.secondary = TOPIC_IDS[second];
  }
  return result;
}

/** T2: the opening sentence is about who met whom; what they met to discuss is its secondary topic. */
function opening(scores: Float64Array, row: number, sentence: number, rank: Int32Array, role: number): SentenceTopics {
  // policy T2 (T2.d): a meeting within the issuer's own government is no relationship between parties.
  const primary = role & ROLE.openingDomestic ? OTHER : role & ROLE.openingMultilateral ? MULTILATERAL : BACKDROP_TOPIC;
  const skip = slotOf(primary);
  let best = -1;
  for (let t = 0; t < TOPIC_COUNT; t++) {
    if (t === skip || t === BACKDROP_SLOT || !(scores[row + t] > 0)) continue;
    if (best < 0 || scores[row + t] > scores[row + best] || (scores[row + t] === scores[row + best] && rank[t] < rank[best])) best = t;
  }
  if (best < 0 && primary !== BACKDROP_TOPIC && scores[row + BACKDROP_SLOT] > 0) best = BACKDROP_SLOT;
  return best < 0 ? { sentence, primary, evidence: { rule: 'opening' } } : { sentence, primary, secondary: TOPIC_IDS[best], evidence: { rule: 'opening' } };
}

/** A workspace keyword's weight (T-user): a row with this much under one topic holds a word a user wrote. */
const USER_WEIGHT = TOPIC_WEIGHTS.keyword * USER_TERM_FACTOR;

/**
 * Policy T2 (T2.f): a sentence that speaks of the relationship, names it before any other topic ("deepen the
 * bilateral partnership on climate change, health security and trade") and spreads the rest of its evidence over
 * two or more topics, none holding more than half of it, is about the relationship as a whole: the parties' topic
 * (multilateral when three or more met, T2), its best topic the secondary. One topic that leads ("strengthen the
 * alliance to deter …") stays the primary (T4), and so does a workspace keyword (T-user). `first`: firstNamed's slot.
 */
function relationshipAsAWhole(rows: Float64Array, row: number, own: SentenceTopics, openingRole: number, first: number): SentenceTopics {
  if (!(rows[row + BACKDROP_SLOT] > 0) || (first >= 0 && first !== BACKDROP_SLOT)) return own;
  let topics = 0;
  let top = 0;
  let sum = 0;
  for (let t = 0; t < TOPIC_COUNT; t++) {
    const v = rows[row + t];
    if (t === BACKDROP_SLOT || !(v > 0)) continue;
    topics++;
    sum += v;
    if (v > top) top = v;
  }
  if (topics < 2 || top > sum / 2 || top >= USER_WEIGHT) return own;
  const whole = openingRole & ROLE.openingMultilateral ? MULTILATERAL : BACKDROP_TOPIC;
  if (own.primary === whole) return own;
  return { sentence: own.sentence, primary: whole, secondary: own.primary, evidence: { rule: 'words' } };
}

/**
 * Policy T4 (T4.a): a sentence that names several subjects leads with one ("expand our economic relationship,
 * combat climate change and strengthen security cooperation"): the topic it names first is its secondary when the
 * scores made another the primary (the relationship's own words, the backdrop, excepted).
 * Policy T4 (T4.b): ...and its primary when its evidence is of about the strength of the best topic's (at least
 * `FIRST_NAMED_RATIO` of it; "advance cooperation on a range of economic, technology, security, and diplomatic
 * issues": economy-trade, security), the best topic then its secondary. Not in a readout of the issuer's own
 * government (T2.d), whose officials' titles and departments name topics first, nor for a workspace keyword (T-user).
 */
function namedFirst(rows: Float64Array, row: number, own: SentenceTopics, first: number, openingRole: number): SentenceTopics {
  if (first < 0 || first === BACKDROP_SLOT || TOPIC_IDS[first] === own.primary) return own;
  const top = rows[row + slotOf(own.primary)];
  const v = rows[row + first];
  if (!(openingRole & ROLE.openingDomestic) && v > 0 && v >= top * FIRST_NAMED_RATIO && v < USER_WEIGHT && top < USER_WEIGHT) return { ...own, primary: TOPIC_IDS[first], secondary: own.primary };
  if (TOPIC_IDS[first] === own.secondary) return own;
  return { ...own, secondary: TOPIC_IDS[first] };
}

/** T4.b: how much of the best topic's evidence the topic named first needs to lead (cross-validated; 0.75-0.8 nearly as good). */
const FIRST_NAMED_RATIO = 0.67;

/** T6.g: what a courtesy opening's subject must score more than to be its primary: one phrase (a title's, "National Security Advisor", may be all it is). */
const COURTESY_SUBJECT_SCORE = TOPIC_WEIGHTS.phrase;

/** Policy T6 (T6.i): does the relationship's own evidence lead the row (no other topic scores as much)? */
function relationshipLeads(rows: Float64Array, row: number): boolean {
  const v = rows[row + BACKDROP_SLOT];
  if (!(v > 0)) return false;
  for (let t = 0; t < TOPIC_COUNT; t++) if (t !== BACKDROP_SLOT && rows[row + t] >= v) return false;
  return true;
}

/** Policy T6 (T6.i): does the text write a noun of a relationship (`relation-words`: partnership, relationship, ties …)? */
function namesRelation(lead: string | undefined, words: RoleWords): boolean {
  if (lead === undefined) return false;
  for (const w of lead.toLowerCase().split(/[^\p{L}]+/u)) if (words.relation.has(w)) return true;
  return false;
}

/** What the role patterns read of a sentence: its first READ_UNITS code units (undefined: it has no text). */
const READ_UNITS = 2000;
const leadOf = (text: unknown): string | undefined => (typeof text !== 'string' ? undefined : text.length > READ_UNITS ? text.slice(0, READ_UNITS) : text);

const MULTILATERAL = 'multilateral' as const;
const OTHER = 'other' as const;
const BACKDROP_SLOT = slotOf(BACKDROP_TOPIC);
const LIST_PART = ROLE.listItem | ROLE.heading;

/**
 * One SentenceTopics per sentence, in order, from `rows` (TOPIC_COUNT scores per sentence), each sentence's
 * role bits (roles.ts) and the first sentence's role as the opening (context.ts): the opening sentence is about the meeting (T2); a sentence's own best topics, else
 * (T5: context carries the topic) its paragraph's best topic, else the previous sentence's topic in the same
 * paragraph, else (T6) 'other'. Courtesy and framing with no subject of its own is 'other' (T6), and so are the
 * items of a list it introduces (T5); items with no evidence of their own take their introducer's topic.
 * `openingAt`: the opening's index (layout.ts: openingIndexOf). `firstNamed(i)`: the score slot of the topic sentence i names first (its first hit; -1: none known), for T2.f and T4.a.
 */
export function rankTopics(
  rows: Float64Array,
  rank: Int32Array,
  roles: Uint8Array,
  openingRole: number,
  sentences: readonly Sentence[],
  words: RoleWords,
  openingAt = 0,
  firstNamed?: (i: number) => number,
): SentenceTopics[] {
  // Each paragraph's evidence: the sum of its sentences' rows, in one array (a row per paragraph).
  const slots = new Int32Array(sentences.length);
  const slotByParagraph = new Map<number, number>();
  let last: number | undefined;
  let lastSlot = -1;
  sentences.forEach((s, i) => {
    if (s.paragraph !== last || last === undefined) {
      let slot = slotByParagraph.get(s.paragraph);
      if (slot === undefined) {
        slot = slotByParagraph.size;
        slotByParagraph.set(s.paragraph, slot);
      }
      last = s.paragraph;
      lastSlot = slot;
    }
    slots[i] = lastSlot;
  });
  const paragraphRows = new Float64Array(slotByParagraph.size * TOPIC_COUNT);
  for (let i = 0; i < sentences.length; i++) {
    const row = i * TOPIC_COUNT;
    const p = slots[i] * TOPIC_COUNT;
    for (let t = 0; t < TOPIC_COUNT; t++) if (rows[row + t] > 0) paragraphRows[p + t] += rows[row + t];
  }
  const results: SentenceTopics[] = [];
  // The sentence introducing the list being read (-1: none), while only its items and headings follow it.
  let introducer = -1;
  /** T6.b: the introducer announces attendance or thanks ("Participants included:"): its items are names, no subject. */
  let namesOnly = false;
  sentences.forEach((s, i) => {
    const role = (roles[i] ?? 0) | (i === openingAt ? openingRole : 0);
    const own = pick(rows, i * TOPIC_COUNT, s.index, rank);
    const lead = leadOf(s.text);
    if (role & LIST_PART && introducer >= 0) {
      const intro = results[introducer].primary;
      const from = sentences[introducer].index;
      if (namesOnly) results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'courtesy', from } });
      else if (own !== undefined) results.push(own);
      else if (intro !== 'other') results.push({ sentence: s.index, primary: intro, evidence: { rule: 'list', from } });
      else {
        // policy T5 (T5.a): under a framing line ("The overview is as follows:") an item without words of its own
        // continues the item before it.
        const prev = results[i - 1];
        if (i - 1 > introducer && prev.primary !== 'other') results.push({ sentence: s.index, primary: prev.primary, evidence: { rule: 'previous', from: sentences[i - 1].index } });
        else results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'none' } });
      }
      return;
    }
    introducer = role & ROLE.introducer ? i : -1;
    namesOnly = false;
    if (!(role & ROLE.opening) && typeof s.text === 'string' && isLayoutLine(s.text, role, i === 0, words)) {
      // policy T6 (T6.d): the readout's title, a dateline, a signature block: no subject, and no paragraph for its neighbours.
      results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'layout' } });
      return;
    }
    if (role & ROLE.introducer && role & ROLE.courtesy) {
      // policy T6 (T6.b): "Participants included:" announces a list of names, which is no subject (like a signature block); so
      // does "The President thanked the following:".
      namesOnly = true;
      results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'courtesy' } });
      return;
    }
    if (role & ROLE.opening) {
      const meeting = opening(rows, i * TOPIC_COUNT, s.index, rank, role);
      // policy T6 (T6.a): an opening whose purpose is a courtesy ("called … to congratulate him on his re-election") is other;
      // what else they met about stays its secondary topic.
      // policy T6 (T6.g): ...unless the courtesy is on a subject the opening names with a phrase's or an entity's weight
      // ("to congratulate him on a historic breakthrough agreement to establish a permanent maritime boundary between
      // Israel and Lebanon"): a courtesy that names a subject takes that subject.
      // policy T6 (T6.i): ...and it keeps the relationship where it names it as what else they met for ("thanked him for
      // his partnership and their shared work strengthening the U.S.-Kenya relationship").
      const subject = meeting.secondary === undefined ? -1 : slotOf(meeting.secondary);
      const namesTheRelationship = (role & ROLE.relationship) !== 0 && meeting.primary === BACKDROP_TOPIC && relationshipLeads(rows, i * TOPIC_COUNT) && namesRelation(lead, words);
      if (role & ROLE.courtesy && subject >= 0 && subject !== BACKDROP_SLOT && rows[i * TOPIC_COUNT + subject] > COURTESY_SUBJECT_SCORE) results.push({ sentence: s.index, primary: TOPIC_IDS[subject], evidence: { rule: 'courtesy' } });
      else if (role & ROLE.courtesy && !namesTheRelationship) results.push({ sentence: s.index, primary: 'other', ...(meeting.secondary ? { secondary: meeting.secondary } : {}), evidence: { rule: 'courtesy' } });
      else results.push(meeting);
      return;
    }
    if (own !== undefined && (own.primary === BACKDROP_TOPIC || own.primary === MULTILATERAL) && lead !== undefined && words.framing.test(lead)) {
      // policy T6 (T6.f): an announcement of what follows is other, though it names the meeting ("The summary of the
      // Japan-Canada Summit telephone meeting is as follows"); a subject it names keeps its topic.
      results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'courtesy' } });
      return;
    }
    if (own !== undefined) {
      const first = firstNamed?.(i) ?? -1;
      const whole = role & ROLE.relationship ? relationshipAsAWhole(rows, i * TOPIC_COUNT, own, openingRole, first) : own;
      const result = whole === own ? namedFirst(rows, i * TOPIC_COUNT, own, first, openingRole) : whole;
      // policy T2 (T2.m): where three or more met, the relationship the sentence speaks of is theirs: multilateral.
      if (openingRole & ROLE.openingMultilateral && role & ROLE.relationship && result.primary === BACKDROP_TOPIC) {
        results.push({ ...result, primary: MULTILATERAL, ...(result.secondary === MULTILATERAL ? { secondary: BACKDROP_TOPIC } : {}) });
        return;
      }
      results.push(result);
      return;
    }
    if (!(role & ROLE.courtesy) && lead !== undefined && words.spokeWith.test(lead)) {
      // policy T2 (T2.a): who met whom, past the opening ("He also met separately with the Foreign Minister"); a title's words
      // ("National Security Advisor") make it no courtesy.
      results.push({ sentence: s.index, primary: BACKDROP_TOPIC, evidence: { rule: 'meeting' } });
      return;
    }
    if (role & ROLE.marker) {
      results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'courtesy' } });
      return;
    }
    if (role & ROLE.introducer && !(lead !== undefined && words.framing.test(lead))) {
      // policy T5 (T5.a): an introducer without words of its own ("The leaders set three priorities:") is about what it
      // introduces: its list's evidence, the items' rows together.
      const list = new Float64Array(TOPIC_COUNT);
      for (let j = i + 1; j < sentences.length && (roles[j] ?? 0) & LIST_PART; j++) for (let t = 0; t < TOPIC_COUNT; t++) if (rows[j * TOPIC_COUNT + t] > 0) list[t] += rows[j * TOPIC_COUNT + t];
      const items = pick(list, 0, s.index, rank);
      if (items !== undefined) {
        results.push({ sentence: s.index, primary: items.primary, evidence: { rule: 'paragraph' } });
        return;
      }
    }
    const para = pick(paragraphRows, slots[i] * TOPIC_COUNT, s.index, rank);
    if (para !== undefined) {
      // Borrowed evidence supports a primary only; a secondary would overstate what the sentence says.
      results.push({ sentence: s.index, primary: para.primary, evidence: { rule: 'paragraph' } });
      return;
    }
    const prev = i > 0 && sentences[i - 1].paragraph === s.paragraph ? results[i - 1] : undefined;
    if (prev !== undefined && prev.primary !== 'other') results.push({ sentence: s.index, primary: prev.primary, evidence: { rule: 'previous', from: sentences[i - 1].index } });
    else results.push({ sentence: s.index, primary: 'other', evidence: { rule: 'none' } });
  });
  return results;
}
