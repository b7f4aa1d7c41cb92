// Policy T2 (T2.h): a third party's relations are not the parties' own. A word of a relationship (`relation-words`)
// owned by a country that is not at the meeting ("China's relations with Russia", "relations between
// Israel and its neighbours" in a US–Japan readout) speaks of that third party, not of the meeting's relationship:
// it counts for no bilateral-relations evidence and makes no sentence speak of the relationship (T3 then reads the
// place named). Runs in resolveTopics once the opening's parties are known; linear in the sentences and mentions.
import type { EntityMention, Sentence } from '../types';
import { BACKDROP_TOPIC, PLACE_TOPICS, TOPIC_COUNT, slotOf, type TopicModel } from './model';
import type { TopicHits } from './hits';
import { ROLE } from './roles';

const BACKDROP_SLOT = slotOf(BACKDROP_TOPIC);
/** Words a relation word's owner may stand before it by ("Japan-Republic of Korea bilateral ties"). */
const MODIFIERS_BEFORE = 2;
/** How many words after a relation preposition its object may reach ("relations between Israel and its neighbours"). */
const OBJECT_WORDS = 6;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

interface Token {
  start: number;
  end: number;
  lower: string;
}

function tokensOf(s: Sentence): Token[] {
  const out: Token[] = [];
  const text = s.text.length > 4000 ? s.text.slice(0, 4000) : s.text;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, lower: m[0].toLowerCase().replace(/['’]s$/, '') });
  return out;
}

/** Who sits at the meeting's table: the parties, and the countries of the persons among them. */
interface Table {
  parties: ReadonlySet<string>;
  /** How many countries the parties are (two: both sides named, so any other country is a third). */
  sides: number;
}

/**
 * Is `m` a country that is not at the meeting? A body or forum is no third party: a meeting with its officials
 * ("United Nations Secretary-General …") makes it one side of the relationship under another name.
 */
function isThird(model: TopicModel, table: Table, m: EntityMention): boolean {
  if (m.type !== 'place' || table.parties.has(m.id) || model.cities.has(m.id)) return false;
  const ev = model.entities.get(m.id);
  // A place with a topic of its own (China, Israel, Gaza) is never the issuer; another country is a third only where
  // both sides of the table are named, as it may be the issuer's own, unnamed in the opening. A region ("the Pacific
  // Islands") is where the parties work, no party of its own.
  if (ev !== undefined && ev.some((e) => PLACE_TOPICS.has(e.topic))) return true;
  return model.countries.has(m.id) && table.sides >= 2;
}

/** Is `m` one side at the table: a party, or a person or country of one? */
function isSide(model: TopicModel, table: Table, m: EntityMention): boolean {
  if (table.parties.has(m.id)) return true;
  const country = model.countryOf.get(m.id);
  return country !== undefined && table.parties.has(country);
}

/** How many countries sit at the table: the parties' countries the readout names, and the countries its persons speak for. */
export function tableSides(model: TopicModel, parties: ReadonlySet<string>, mentions: readonly EntityMention[]): number {
  const countries = new Set<string>();
  for (const m of mentions) if (m.type === 'place' && parties.has(m.id) && !model.cities.has(m.id)) countries.add(m.id);
  for (const id of parties) {
    const c = model.countryOf.get(id);
    if (c !== undefined) countries.add(c);
  }
  return countries.size;
}

/**
 * The relation words of sentence `s` owned by a third party: a third party's mention right before it ("China's
 * relations", "U.S.-China ties", with up to two words between), or the object of a relation preposition after it
 * ("ties with Russia"; of a pair preposition, also one side named with an unnamed other: "between Israel and its
 * neighbours"). Returns the [start, end) offsets of those words and the relationship words between owner and word.
 */
function thirdPartyWords(model: TopicModel, table: Table, s: Sentence, mentions: readonly EntityMention[], from: number, to: number): number[] {
  const words = model.roleWords;
  const tokens = tokensOf(s);
  const out: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!words.relation.has(tokens[k].lower)) continue;
    let third = false;
    let ownerEnd = -1;
    // Before: the nearest mention ending before the word, at most MODIFIERS_BEFORE words before it, joined by
    // spaces, hyphens or a possessive only.
    let q = to - 1;
    while (q >= from && mentions[q].end > tokens[k].start) q--;
    if (q >= from) {
      const m = mentions[q];
      let between = 0;
      for (let j = k - 1; j >= 0 && tokens[j].start >= m.end; j--) between++;
      const gap = s.text.slice(m.end - s.start, tokens[k].start - s.start).replace(/^['’]s/, '');
      if (between <= MODIFIERS_BEFORE && /^[\s\p{L}\p{N}\-‐–]*$/u.test(gap) && isThird(model, table, m)) {
        third = true;
        ownerEnd = m.end;
      }
    }
    // After: a relation preposition right after the word, and the mentions it takes as its object.
    const prep = tokens[k + 1];
    if (!third && prep !== undefined && words.relationPreposition.has(prep.lower) && /^\s+$/.test(s.text.slice(tokens[k].end - s.start, prep.start - s.start))) {
      const limit = k + 1 + OBJECT_WORDS < tokens.length ? tokens[k + 1 + OBJECT_WORDS].end : s.start + s.text.length;
      const stop = s.text.slice(prep.end - s.start, limit - s.start).search(/[;:.!?]/);
      const end = stop < 0 ? limit : prep.end + stop;
      const objects: EntityMention[] = [];
      for (let r = from; r < to; r++) if (mentions[r].start >= prep.end && mentions[r].start < end) objects.push(mentions[r]);
      if (objects.some((m) => isThird(model, table, m))) third = true;
      else if (words.pair.has(prep.lower) && objects.length === 1 && isSide(model, table, objects[0])) {
        // policy T2 (T2.h): a pair with one side at the table and the other unnamed ("between Israel and its neighbours").
        const rest = s.text.slice(objects[0].end - s.start, end - s.start);
        if (/^\s+and\s+\S/.test(rest)) third = true;
      }
    }
    if (!third) continue;
    // The relationship words between the owner and the word are the third party's too ("bilateral ties").
    for (let j = k - 1; ownerEnd >= 0 && j >= 0 && tokens[j].start >= ownerEnd; j--) if (words.relationship.has(tokens[j].lower)) out.push(tokens[j].start, tokens[j].end);
    out.push(tokens[k].start, tokens[k].end);
  }
  return out;
}

/**
 * T2.h over a readout: each sentence (past the opening) whose relation words are all a third party's loses their
 * bilateral-relations evidence, and, when no other word of the relationship is written, its relationship role.
 * Returns the rows and roles to rank with: `rows`/`roles` themselves when nothing changed, else copies.
 */
export function thirdPartyRelations(
  model: TopicModel,
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  parties: ReadonlySet<string>,
  rows: Float64Array,
  roles: Uint8Array,
  hits: TopicHits | undefined,
  everyMention: readonly EntityMention[] = mentions,
): { rows: Float64Array; roles: Uint8Array } {
  const words = model.roleWords;
  if (words.relation.size === 0 || parties.size === 0 || hits === undefined) return { rows, roles };
  // The sides of the table are read over the whole readout (`everyMention`; `mentions` may be only the sentences passed).
  const table: Table = { parties, sides: tableSides(model, parties, everyMention) };
  let outRows = rows;
  let outRoles = roles;
  let q = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    while (q < mentions.length && mentions[q].sentence < s.index) q++;
    const from = q;
    while (q < mentions.length && mentions[q].sentence === s.index) q++;
    if (i === 0 || s.index !== i || !((roles[i] ?? 0) & ROLE.relationship) || typeof s.text !== 'string') continue;
    const third = thirdPartyWords(model, table, s, mentions, from, q);
    if (third.length === 0) continue;
    if (outRows === rows) outRows = rows.slice();
    const row = i * TOPIC_COUNT;
    for (let k = hits.from[i]; k < hits.to[i]; k++) {
      if (hits.entity[k] === 1) continue;
      const start = s.start + hits.start[k];
      const end = s.start + hits.end[k];
      let covers = false;
      for (let t = 0; t < third.length && !covers; t += 2) covers = third[t] >= start && third[t + 1] <= end;
      if (!covers) continue;
      for (const e of hits.evidence[k]) if ((e.slot ?? slotOf(e.topic)) === BACKDROP_SLOT) outRows[row + BACKDROP_SLOT] = Math.max(0, outRows[row + BACKDROP_SLOT] - e.weight);
    }
    // The relationship role stays where another word of it is written ("their partnership, and China's ties with Russia").
    let own = false;
    for (const t of tokensOf(s)) {
      if (!words.relationship.has(t.lower)) continue;
      let isThirdWord = false;
      for (let u = 0; u < third.length; u += 2) if (third[u] === t.start) isThirdWord = true;
      if (!isThirdWord) own = true;
    }
    if (!own) {
      if (outRoles === roles) outRoles = roles.slice();
      outRoles[i] &= ~ROLE.relationship;
    }
  }
  return { rows: outRows, roles: outRoles };
}
