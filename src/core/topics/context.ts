// The readout around each sentence's own scores (policy T2): who met whom in the opening sentence, and the
// parties it names, whose mentions elsewhere are one side of the relationship rather than its subject. Runs once
// over the whole readout, after its sentences (or paragraphs, cached apart) were scored.
import type { EntityMention, Sentence, SentenceTopics } from '../types';
import { TOPIC_IDS } from '../types';
import { BACKDROP_FACTOR, BACKDROP_TOPIC, PARTY_TOPIC_SHARE, PLACE_TOPICS, SECONDARY_RATIO, TOPIC_COUNT, slotOf, type TopicModel } from './model';
import { explain, firstNamedSlot, type TopicHits } from './hits';
import { rankTopics } from './ranking';
import { applyModel } from './trained';
import { ROLE, follows, meetingVerbAt, namedVenueBefore } from './roles';
import { tableSides, thirdPartyRelations } from './thirdParties';
import { openingIndexOf } from './layout';
import type { RoleWords } from './roleWords';

/** Each sentence's topic scores (TOPIC_COUNT per sentence) and role bits, as TopicScorer left them. */
export interface TopicScores {
  rows: Float64Array;
  roles: Uint8Array;
  /** What the scores were made of (for each sentence's topic evidence). */
  hits?: TopicHits;
  /** Each sentence's best topic slot by the trained model, else -1, and by how much it leads (T1.a, T1.b; trained.ts). */
  picks?: Int8Array;
  leads?: Float32Array;
  /** Each sentence's own feature sums by the trained model (TOPIC_COUNT a sentence), when its context counts (T1.d). */
  modelRows?: Float64Array;
}

const BACKDROP_SLOT = slotOf(BACKDROP_TOPIC);
const PEOPLE_SLOT = slotOf('people-exchange');
const NO_PARTIES: ReadonlySet<string> = new Set();
/** Scores this close to zero are what is left of evidence taken away again. */
const NOTHING = 1e-9;

/** The tie-break of ranking, per model: the backdrop topic (T2) loses ties, then the lexicon's topic order. */
const ranks = new WeakMap<TopicModel, Int32Array>();

function rankOf(model: TopicModel): Int32Array {
  let rank = ranks.get(model);
  if (rank === undefined) {
    const r = new Int32Array(TOPIC_COUNT);
    TOPIC_IDS.forEach((id, i) => (r[i] = id === BACKDROP_TOPIC ? 1000 : (model.order.get(id) ?? 999)));
    ranks.set(model, (rank = r));
  }
  return rank;
}

/**
 * T2: the opening sentence (a first sentence with a verb of meeting) names who met whom. The places and persons it
 * names (not where they met, nor what they met about: "costs on Russia") are the parties; three or more places, two that are not the backdrop's own countries (the readout's issuer makes a
 * third), or a forum they met as, make the meeting multilateral. Returns the opening's role bits (0 when it names
 * no party) and fills `parties` with the parties' entity ids.
 */
function openingRole(text: string, model: TopicModel, mentions: readonly EntityMention[], first: number, parties: Set<string>, openingEnd: number, verbAt: number): number {
  let places = 0;
  let foreign = 0;
  let forum = false;
  let countries: string[] | undefined;
  /** T2.d: a party that may be another government: a person whose card names no country, a place, anyone named after the meeting verb. */
  let counterpart = false;
  /** Where the last place that is no party ended (-1: none yet). */
  let venueEnd = -1;
  const placeParties: string[] = [];
  /** Where the opening's last mention before this one ended (a name no lexicon knows lies after it). */
  let lastEnd = 0;
  for (let q = 0; q < mentions.length && mentions[q].sentence <= first; q++) {
    const m = mentions[q];
    if (q > 0 && mentions[q - 1].sentence === first) lastEnd = mentions[q - 1].end;
    if (m.sentence !== first || (m.type !== 'place' && m.type !== 'person' && m.type !== 'forum')) continue;
    // What follows the opening's first cue is what the parties spoke about, not who met ("… in which the two leaders
    // concurred on … issues related to China": China is the subject, T3).
    if (m.start >= openingEnd) continue;
    // T2.c: a city is where they met, and so is the country written after it ("from Dubai, United Arab Emirates").
    // T2.c: ...and so is its acronym in parentheses ("the Asia-Pacific Economic Cooperation (APEC) Leaders Meeting").
    if ((m.type === 'place' && (model.cities.has(m.id) || afterVenue(text, venueEnd, m.start))) || inParenthesesAfter(text, venueEnd, m.start)) {
      venueEnd = m.end;
      continue;
    }
    // A forum right after the verb of meeting and its venue word is the meeting itself ("participated in the
    // Asia-Pacific Economic Cooperation (APEC) Virtual Leaders' Meeting"), not where two met.
    const isMeeting = m.type === 'forum' && verbAt >= 0 && /^[\p{L}-]+\s+\p{L}+\s+(?:the\s+)?$/u.test(text.slice(verbAt, m.start));
    if (!isMeeting && (follows(text, m, model.roleWords.venue) || follows(text, m, model.roleWords.meetingSubject) || (m.type === 'place' && namedVenueBefore(text, m, model.roleWords.venue) >= lastEnd))) {
      venueEnd = m.end;
      continue;
    }
    if (m.type === 'forum') {
      // policy T2 (T2.n): a format of two parties' own (a "2+2 Ministerial Dialogue": its card's topics name the
      // relationship and no multilateral body) is the relationship's meeting, not a forum of three or more.
      if (!pairFormat(model, m.id)) forum = true;
      continue;
    }
    if (parties.has(m.id)) continue;
    parties.add(m.id);
    if (m.type === 'person') {
      const country = model.countryOf.get(m.id);
      if (country !== undefined) (countries ??= []).push(country);
      else counterpart = true;
    }
    if (m.start >= verbAt) counterpart = true;
    if (m.type !== 'place') continue;
    counterpart = true;
    places++;
    placeParties.push(m.id);
    const ev = model.entities.get(m.id);
    if (ev === undefined || ev.some((e) => e.topic !== BACKDROP_TOPIC)) foreign++;
  }
  // A person brings the country it speaks for, named or not ("Foreign Minister Wang Yi": China is a party); the
  // count of places met stays with the places named.
  if (countries !== undefined) for (const c of countries) parties.add(c);
  // policy T2 (T2.g): three or more countries at the table, named as places or brought by persons ("met with President Marcos of the
  // Philippines and Prime Minister Kishida of Japan", the issuer's person a third), make the meeting multilateral.
  if (countries !== undefined) {
    const nations = new Set(countries);
    for (const id of placeParties) nations.add(id);
    if (nations.size >= 3) return ROLE.opening | ROLE.openingMultilateral;
  }
  if (parties.size === 0 && !forum) return 0;
  if (!forum && !counterpart && countries !== undefined && countries.every((c) => c === countries[0])) return ROLE.opening | ROLE.openingDomestic;
  return forum || places >= 3 || foreign >= 2 ? ROLE.opening | ROLE.openingMultilateral : ROLE.opening;
}

/** T2.n: is the forum `id` a format of two parties (its card's topics: the relationship, no multilateral)? */
function pairFormat(model: TopicModel, id: string): boolean {
  const ev = model.entities.get(id);
  return ev !== undefined && ev.some((e) => e.topic === BACKDROP_TOPIC) && !ev.some((e) => e.topic === 'multilateral');
}

/**
 * T3.a: the topics a party's own conduct is the subject of (China's, Taiwan's, Russia's war and Ukraine's, a Middle
 * East party's): not korean-peninsula, which is North Korea's, where the ROK's hint is the peninsula around it.
 */
const OWN_SUBJECT_TOPICS = new Set<string>(['china', 'taiwan', 'russia-ukraine', 'middle-east']);

/** Topics that name a world beyond one government: a place's own topic, or a multilateral body. */
const ABROAD = new Set<string>([...PLACE_TOPICS, 'multilateral']);

/**
 * T2.d: does the readout name, anywhere, a country other than the one its opening's parties belong to, a forum, or
 * a body with a topic abroad ("European leaders", a body of members such as CARICOM, "the Chinese Communist Party" after an opening that named
 * only the issuer's side)? Then the other side is there, only unnamed in the opening. Linear in the mentions.
 */
function namesAbroad(model: TopicModel, mentions: readonly EntityMention[], parties: ReadonlySet<string>): boolean {
  for (const m of mentions) {
    if (parties.has(m.id)) continue;
    if (m.type === 'forum' || model.bodies.has(m.id)) return true;
    const ev = model.entities.get(m.id);
    if (ev === undefined) continue;
    if (m.type === 'place' && !model.cities.has(m.id)) return true;
    if (ev.some((e) => ABROAD.has(e.topic))) return true;
  }
  return false;
}

/** Is the mention ending at `end` written as a possessive ("Israel's", "Israel’s", "the Philippines’")? */
function possessive(text: string, end: number): boolean {
  return /^['’](?:s(?![\p{L}\p{N}])|(?![\p{L}\p{N}]))/u.test(text.slice(end, end + 3));
}

/** T3.b: is the word after a possessive ending at `end` ("China's relations") a word of the relationship? */
function ownsRelationship(text: string, end: number, words: RoleWords): boolean {
  const next = /^['’]s?\s+(?:own\s+)?([\p{L}-]+)/u.exec(text.slice(end, end + 60));
  return next !== null && words.relationship.has(next[1].toLowerCase());
}

/** Does a mention starting at `start` open a parenthesis right after the venue ending at `venueEnd` ("… Cooperation (APEC")? */
function inParenthesesAfter(text: string, venueEnd: number, start: number): boolean {
  return venueEnd >= 0 && start - venueEnd <= 3 && /^\s?\(\s?$/.test(text.slice(venueEnd, start));
}

/** Does a place starting at `start` follow the venue ending at `venueEnd` after only a comma and spaces? */
function afterVenue(text: string, venueEnd: number, start: number): boolean {
  if (venueEnd < 0 || start - venueEnd > 3) return false;
  const between = text.slice(venueEnd, start);
  return between.includes(',') && /^[,\s]*$/.test(between);
}

/**
 * One SentenceTopics per sentence of a readout from its scores: the opening's parties are found and their
 * mentions' evidence moved to the backdrop (at its discount; none in courtesy, where names are no subject): all of
 * it in the opening and in sentences with words of the relationship (T2), part of it elsewhere (T3), then
 * rankTopics picks. `rows` and `roles` are left as they were. `openingEnd`: where the opening sentence's first
 * commitment cue starts (openingEndOf); `hits`: what the rows were made of, for each result's evidence (hits.ts);
 * `issuer`: the parties the readout's header names (headerParties, T2.i); `everyMention`: all of the readout's mentions,
 * where `mentions` are only those of the sentences passed (T2.d reads the whole readout).
 * Linear in the sentences and mentions.
 */
export function resolveTopics(
  text: string,
  model: TopicModel,
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  rows: Float64Array,
  roles: Uint8Array,
  openingEnd = Infinity,
  hits?: TopicHits,
  picks?: Int8Array,
  leads?: Float32Array,
  modelRows?: Float64Array,
  issuer: ReadonlySet<string> = NO_PARTIES,
  everyMention: readonly EntityMention[] = mentions,
): SentenceTopics[] {
  let scores = rows;
  let roleBits = roles;
  let opening = 0;
  // T2 with T6.d: the opening is the first sentence that is no title, dateline or signature line.
  const openingAt = openingIndexOf(sentences, model.roleWords);
  /** Where the parties' mentions start, by sentence: their names count for the relationship (T2). */
  const partyStarts = new Set<number>();
  if (sentences.length > 0 && typeof text === 'string' && Array.isArray(mentions)) {
    const read = readoutParties(text, model, sentences, mentions, openingEnd, issuer, everyMention, openingAt);
    const parties = read.parties;
    opening = read.opening;
    if (!(opening & ROLE.openingDomestic)) {
      // policy T2 (T2.h): a third party's relations ("China's relations with Russia") are not the parties' own.
      const own = thirdPartyRelations(model, sentences, mentions, parties, rows, roles, hits, everyMention);
      scores = own.rows;
      roleBits = own.roles;
    }
    if (opening & ROLE.openingDomestic) {
      // policy T2 (T2.d): with one government only, no sentence speaks of a relationship between the meeting's parties
      // (the issuer's own names, "U.S. Department of Education", are no evidence of one), nor of ties between peoples
      // (students at home are no exchange).
      scores = rows.slice();
      for (let row = 0; row < scores.length; row += TOPIC_COUNT) scores[row + BACKDROP_SLOT] = scores[row + PEOPLE_SLOT] = 0;
    } else if (parties.size > 0) {
      for (const m of mentions) {
        if (!parties.has(m.id)) continue;
        const i = m.sentence;
        const ev = model.entities.get(m.id);
        if (ev === undefined || !(i >= 0 && i < sentences.length) || sentences[i].index !== i) continue;
        if (scores === rows) scores = rows.slice();
        partyStarts.add(m.start);
        const row = i * TOPIC_COUNT;
        const courtesy = (roleBits[i] & ROLE.marker) !== 0;
        // T2 and T3: in the opening and where the relationship is spoken of, a party is one side of it; elsewhere
        // its own topic stays, at a discount, as its conduct, policies or conflict may be what is discussed.
        const side = i === sentences[openingAt].index || (roleBits[i] & ROLE.relationship) !== 0 || courtesy;
        // policy T3 (T3.a): a party written as the owner of what is discussed ("Israel's security", "Zelenskyy's
        // commitment to a just peace") is the subject: its own topic stays whole.
        // policy T3 (T3.b): ...and so in a sentence that also speaks of the relationship ("the iron-clad U.S. commitment to
        // Israel's security, and … remain in constant touch"), unless what it owns is the relationship ("China's relations").
        const inRelationship = side && i !== sentences[openingAt].index && !courtesy;
        const owner = (!side || inRelationship) && possessive(text, m.end) && !(inRelationship && ownsRelationship(text, m.end, model.roleWords));
        const share = side ? 1 : 1 - PARTY_TOPIC_SHARE;
        for (const e of ev) {
          const slot = slotOf(e.topic);
          // A party's own backdrop evidence stays where it is, except in courtesy.
          if (e.topic === BACKDROP_TOPIC && !courtesy) continue;
          const moved = e.topic === BACKDROP_TOPIC ? e.weight : owner && OWN_SUBJECT_TOPICS.has(e.topic) ? 0 : e.weight * share;
          scores[row + slot] -= moved;
          if (!(scores[row + slot] > NOTHING)) scores[row + slot] = 0;
          if (!courtesy) scores[row + BACKDROP_SLOT] += moved * BACKDROP_FACTOR;
        }
      }
    }
  }
  const results = rankTopics(scores, rankOf(model), roleBits, opening, sentences, model.roleWords, openingAt, (i) => (hits === undefined ? -1 : firstNamedSlot(hits, i, sentences[i].start, partyStarts)));
  const starts = sentences.map((s) => s.start);
  explain(results, hits, starts, (_i, start) => partyStarts.has(start));
  applyModel(
    results,
    model.trained,
    picks,
    leads,
    (i) => topScore(scores, i),
    // policy T1 (T1.c): a topic the sentence's own words give enough to be its secondary.
    // policy T1 (T1.e): the parties' names alone are no subject: the relationship nearly ties only where a word of it is written.
    (i, slot) =>
      i * TOPIC_COUNT + slot < scores.length &&
      scores[i * TOPIC_COUNT + slot] > 0 &&
      scores[i * TOPIC_COUNT + slot] >= topScore(scores, i) * SECONDARY_RATIO &&
      (slot !== BACKDROP_SLOT || (roleBits[i] & ROLE.relationship) !== 0),
    // policy T1 (T1.d): for the secondary it names, the model reads the sentences around a sentence in its paragraph
    // with its own features, at the model file's `context` share; for the primary (T1.b, T1.c), its own only.
    modelRows === undefined ? undefined : { sentences, sums: modelRows },
  );
  return results;
}

/**
 * T2: who met whom, read once per readout: the opening's role bits (T2, T2.d over `everyMention`, the whole
 * readout's mentions) and the parties (the opening's, then the header's: T2.i). `mentions` must hold the opening's.
 */
function readoutParties(
  text: string,
  model: TopicModel,
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  openingEnd: number,
  issuer: ReadonlySet<string>,
  everyMention: readonly EntityMention[],
  openingAt: number,
): { opening: number; parties: Set<string> } {
  const parties = new Set<string>();
  let opening = 0;
  const first = sentences[openingAt];
  const verb = typeof first.text === 'string' ? meetingVerbAt(first.text, model.roleWords) : -1;
  if (verb >= 0) {
    // What follows the opening's purpose ("to coordinate responses to …") is what they met for, as after a cue.
    const purpose = model.roleWords.purpose.exec(first.text.slice(verb, 2000));
    const end = purpose === null ? openingEnd : Math.min(openingEnd, first.start + verb + purpose.index);
    opening = openingRole(text, model, mentions, first.index, parties, end, first.start + verb);
  }
  // policy T2 (T2.i): the countries the header names (the issuing government, the participants) are parties too;
  // added after the opening was read, so that they change none of its counts of who met.
  for (const id of issuer) parties.add(id);
  // Over the whole readout's mentions: a readout put together from paragraphs passes only the ones it resolves.
  if (opening & ROLE.openingDomestic && namesAbroad(model, everyMention, parties)) opening &= ~ROLE.openingDomestic;
  return { opening, parties };
}

/**
 * What resolveTopics reads of the whole readout beyond the sentences it is given, as a key: the opening's role, the
 * parties, and how many of the table's sides the readout names (T2, T2.d, T2.h, T2.i). A readout put together from
 * paragraphs (pipeline/paragraphTopics.ts) resolves every sentence again when it changes. Linear in the mentions.
 */
export function readoutContextKey(text: string, model: TopicModel, sentences: readonly Sentence[], mentions: readonly EntityMention[], openingEnd: number, issuer: ReadonlySet<string>): string {
  if (sentences.length === 0 || typeof text !== 'string' || !Array.isArray(mentions)) return '';
  const { opening, parties } = readoutParties(text, model, sentences, mentions, openingEnd, issuer, mentions, openingIndexOf(sentences, model.roleWords));
  return `${opening}|${[...parties].sort().join(',')}|${tableSides(model, parties, mentions)}`;
}

/** The best score of sentence `i`'s row. */
function topScore(scores: Float64Array, i: number): number {
  let top = 0;
  const row = i * TOPIC_COUNT;
  if (row + TOPIC_COUNT > scores.length) return 0;
  for (let t = 0; t < TOPIC_COUNT; t++) if (scores[row + t] > top) top = scores[row + t];
  return top;
}

/** Where the first commitment cue of the readout's opening (T6.d: after any title or dateline) starts: the end of who-met-whom. */
export function openingEndOf(cues: readonly { start: number; sentence: number }[], sentences: readonly Sentence[], words: RoleWords): number {
  const first = sentences[openingIndexOf(sentences, words)];
  if (first === undefined) return Infinity;
  for (const c of cues) {
    if (c.sentence === first.index) return c.start;
    if (c.sentence > first.index) break;
  }
  return Infinity;
}
