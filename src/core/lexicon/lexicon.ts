// Loads lexicon YAML (cues, entities, topics) into typed data, reporting every schema problem with its
// 0-based line/column so the editor can underline it; a bad entry is skipped, the rest of the file still loads.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { checkCuePattern } from '../cues/pattern';
import { WORD_CLASS_IDS } from '../cues/words';
import { readTopicModel } from './topicModelSection';
import {
  ENTITY_TYPES,
  NAME_CLASS_IDS,
  TOPIC_IDS,
  type CuePattern,
  type EntityEntry,
  type EntityFact,
  type EntityType,
  type Lexicon,
  type LexiconError,
  type NameClassEntry,
  type LexiconOrigin,
  type Strength,
  type TopicEntry,
  type TopicId,
  type WordClassEntry,
} from '../types';

export interface LexiconParseResult {
  lexicon: Lexicon;
  errors: LexiconError[];
}

const SECTIONS = ['cues', 'entities', 'topics', 'word-classes', 'name-classes', 'topic-model'] as const;
const CUE_KEYS = ['id', 'pattern', 'strength', 'explanation', 'code'] as const;
const ENTITY_KEYS = ['id', 'name', 'aliases', 'demonyms', 'venueAliases', 'type', 'definition', 'facts', 'topics', 'source', 'office'] as const;
const TOPIC_KEYS = ['id', 'label', 'icon', 'keywords', 'phrases', 'entities'] as const;
const FACT_KEYS = ['label', 'value', 'asOf'] as const;
const WORD_CLASS_KEYS = ['id', 'note', 'words', 'entities'] as const;
const NAME_CLASS_KEYS = ['id', 'note', 'words'] as const;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Cue ids belong to the commitments lexicon's authors; accept any plain identifier, not only kebab-case.
const CUE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const AS_OF = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const URL = /^https?:\/\/[^\s]+$/;

export function emptyLexicon(): Lexicon {
  return { cues: [], entities: [], topics: [], wordClasses: [], nameClasses: [] };
}

/** Parses one lexicon file. Never throws: any input yields a (possibly empty) lexicon plus typed errors. */
export function parseLexiconYaml(text: string, file: string): LexiconParseResult {
  const ctx = new Context(file);
  try {
    parseInto(String(text ?? ''), ctx);
  } catch (err) {
    // The yaml package or a pattern checker throwing on exotic input must not take the editor down.
    ctx.errors.push({ file, line: 0, column: 0, code: 'yaml-syntax', message: `Could not read lexicon: ${String(err)}` });
  }
  return { lexicon: ctx.lexicon, errors: ctx.errors };
}

class Context {
  readonly lineCounter = new LineCounter();
  readonly lexicon: Lexicon = emptyLexicon();
  readonly errors: LexiconError[] = [];
  constructor(readonly file: string) {}

  pos(offset: number): { line: number; column: number } {
    const p = this.lineCounter.linePos(Math.max(0, offset));
    return { line: p.line - 1, column: p.col - 1 };
  }

  origin(node: Node): LexiconOrigin {
    return { file: this.file, ...this.pos(node.range?.[0] ?? 0) };
  }

  report(node: Node | null | undefined, code: LexiconError['code'], message: string): void {
    const range = node?.range ?? [0, 0, 0];
    const start = this.pos(range[0]);
    const end = this.pos(Math.max(range[0], range[1]));
    this.errors.push({
      file: this.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      code,
      message,
    });
  }
}

function parseInto(text: string, ctx: Context): void {
  // The core schema keeps dates and yes/no as plain strings; no custom tags means data only.
  const doc = parseDocument(text, {
    lineCounter: ctx.lineCounter,
    prettyErrors: true,
    schema: 'core',
    customTags: [],
    merge: false,
    uniqueKeys: true,
  });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [start, end] = e.linePos ?? [];
    ctx.errors.push({
      file: ctx.file,
      line: start ? start.line - 1 : 0,
      column: start ? start.col - 1 : 0,
      endLine: end ? end.line - 1 : undefined,
      endColumn: end ? end.col - 1 : undefined,
      code: 'yaml-syntax',
      message: e.message.split('\n')[0],
    });
  }
  const root = doc.contents;
  if (root == null || (isScalar(root) && (root.value == null || root.value === ''))) return;
  if (!isMap(root)) {
    ctx.report(root, 'bad-value', 'A lexicon file is a mapping with `cues:`, `entities:`, `topics:` and/or `word-classes:` lists.');
    return;
  }
  for (const pair of root.items) {
    const key = keyName(pair);
    const keyNode = asNode(pair.key);
    if (key === undefined || !(SECTIONS as readonly string[]).includes(key)) {
      ctx.report(keyNode, 'unknown-key', `Unknown section "${key ?? '?'}"; expected one of: ${SECTIONS.join(', ')}.`);
      continue;
    }
    const value = asNode(pair.value);
    if (value == null || (isScalar(value) && value.value == null)) continue;
    if (key === 'topic-model') {
      // Generated data (scripts/train-topics.mjs), read whole: one problem skips the model, never the file.
      const { model, problems } = readTopicModel(value.toJSON());
      for (const problem of problems.slice(0, 1)) ctx.report(value, 'bad-value', problem);
      if (model !== undefined) ctx.lexicon.topicModel = model;
      continue;
    }
    if (!isSeq(value)) {
      ctx.report(value ?? keyNode, 'bad-value', `\`${key}\` must be a list of entries.`);
      continue;
    }
    const seen = new Set<string>();
    for (const item of value.items) {
      const node = asNode(item);
      if (!node || !isMap(node)) {
        ctx.report(node ?? value, 'bad-value', `Each item of \`${key}\` must be a mapping.`);
        continue;
      }
      if (key === 'cues') pushUnique(ctx, seen, readCue(ctx, node), ctx.lexicon.cues, node);
      else if (key === 'entities') pushUnique(ctx, seen, readEntity(ctx, node), ctx.lexicon.entities, node);
      else if (key === 'topics') pushUnique(ctx, seen, readTopic(ctx, node), ctx.lexicon.topics, node);
      else if (key === 'name-classes') pushUnique(ctx, seen, readNameClass(ctx, node), (ctx.lexicon.nameClasses ??= []), node);
      else pushUnique(ctx, seen, readWordClass(ctx, node), ctx.lexicon.wordClasses, node);
    }
  }
}

function pushUnique<T extends { id: string }>(ctx: Context, seen: Set<string>, entry: T | undefined, into: T[], node: YAMLMap): void {
  if (!entry) return;
  if (seen.has(entry.id)) {
    ctx.report(fieldNode(node, 'id') ?? node, 'duplicate-id', `Duplicate id "${entry.id}"; the first entry with this id is kept.`);
    return;
  }
  seen.add(entry.id);
  into.push(entry);
}

// ---------- entries ----------

function readCue(ctx: Context, map: YAMLMap): CuePattern | undefined {
  const f = fields(ctx, map, CUE_KEYS, 'cue');
  const id = requiredText(ctx, map, f, 'id');
  const pattern = requiredText(ctx, map, f, 'pattern');
  const strength = requiredText(ctx, map, f, 'strength');
  const explanation = requiredText(ctx, map, f, 'explanation');
  let ok = id !== undefined && pattern !== undefined && strength !== undefined && explanation !== undefined;
  if (id !== undefined && !CUE_ID.test(id)) {
    ctx.report(f.get('id'), 'bad-value', `Cue id "${id}" must be letters, digits, '.', '_' or '-'.`);
    ok = false;
  }
  if (strength !== undefined && strength !== 'firm' && strength !== 'hedged') {
    ctx.report(f.get('strength'), 'bad-value', `strength must be "firm" or "hedged", not "${strength}".`);
    ok = false;
  }
  if (pattern !== undefined) {
    const problem = checkCuePattern(pattern);
    if (problem) {
      ctx.report(f.get('pattern'), 'bad-value', `Bad cue pattern: ${problem}`);
      ok = false;
    }
  }
  const code = optionalText(ctx, f, 'code');
  if (!ok) return undefined;
  const cue: CuePattern = {
    id: id as string,
    pattern: pattern as string,
    strength: strength as Strength,
    explanation: explanation as string,
    origin: ctx.origin(map),
  };
  if (code !== undefined) cue.code = code;
  return cue;
}

function readEntity(ctx: Context, map: YAMLMap): EntityEntry | undefined {
  const f = fields(ctx, map, ENTITY_KEYS, 'entity');
  const id = requiredText(ctx, map, f, 'id');
  const name = requiredText(ctx, map, f, 'name');
  const type = requiredText(ctx, map, f, 'type');
  const definition = requiredText(ctx, map, f, 'definition');
  let ok = id !== undefined && name !== undefined && type !== undefined && definition !== undefined;
  if (id !== undefined && !KEBAB_ID.test(id)) {
    ctx.report(f.get('id'), 'bad-value', `Entity id "${id}" must be kebab-case (lower-case letters, digits, '-').`);
    ok = false;
  }
  if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
    ctx.report(f.get('type'), 'unknown-type', `Unknown entity type "${type}"; expected one of: ${ENTITY_TYPES.join(', ')}.`);
    ok = false;
  }
  const aliases = textList(ctx, f, 'aliases');
  const demonyms = textList(ctx, f, 'demonyms');
  const venueAliases = textList(ctx, f, 'venueAliases');
  const topics = topicList(ctx, f.get('topics'));
  const facts = factList(ctx, f.get('facts'));
  const office = optionalText(ctx, f, 'office');
  let source = optionalText(ctx, f, 'source');
  if (source !== undefined && !URL.test(source)) {
    ctx.report(f.get('source'), 'bad-value', 'source must be an http(s) URL.');
    source = undefined;
  }
  if (!ok) return undefined;
  const entry: EntityEntry = {
    id: id as string,
    name: name as string,
    aliases,
    type: type as EntityType,
    definition: definition as string,
    facts,
    topics,
    origin: ctx.origin(map),
  };
  if (demonyms.length > 0) entry.demonyms = demonyms;
  if (venueAliases.length > 0) entry.venueAliases = venueAliases;
  if (source !== undefined) entry.source = source;
  if (office !== undefined) entry.office = office;
  return entry;
}

function readTopic(ctx: Context, map: YAMLMap): TopicEntry | undefined {
  const f = fields(ctx, map, TOPIC_KEYS, 'topic');
  const id = requiredText(ctx, map, f, 'id');
  const label = requiredText(ctx, map, f, 'label');
  const icon = requiredText(ctx, map, f, 'icon');
  let ok = id !== undefined && label !== undefined && icon !== undefined;
  if (id !== undefined && !(TOPIC_IDS as readonly string[]).includes(id)) {
    ctx.report(f.get('id'), 'bad-value', `Unknown topic id "${id}"; topic ids are fixed: ${TOPIC_IDS.join(', ')}.`);
    ok = false;
  }
  const keywords = textList(ctx, f, 'keywords');
  const phrases = textList(ctx, f, 'phrases');
  const entities = textList(ctx, f, 'entities');
  if (!ok) return undefined;
  return {
    id: id as TopicId,
    label: label as string,
    icon: icon as string,
    keywords,
    phrases,
    entities,
    origin: ctx.origin(map),
  };
}

function readWordClass(ctx: Context, map: YAMLMap): WordClassEntry | undefined {
  const f = fields(ctx, map, WORD_CLASS_KEYS, 'word class');
  const id = requiredText(ctx, map, f, 'id');
  let ok = id !== undefined;
  if (id !== undefined && !(WORD_CLASS_IDS as readonly string[]).includes(id)) {
    ctx.report(f.get('id'), 'bad-value', `Unknown word class "${id}"; the rules read only: ${WORD_CLASS_IDS.join(', ')}.`);
    ok = false;
  }
  const words = textList(ctx, f, 'words');
  for (const w of words) {
    if (w.trim().split(/\s+/).length > 2) {
      ctx.report(f.get('words'), 'bad-value', `Word class entries are one or two words, not "${w}".`);
      ok = false;
    }
  }
  const entities = textList(ctx, f, 'entities');
  for (const e of entities) {
    if (!KEBAB_ID.test(e)) {
      ctx.report(f.get('entities'), 'bad-value', `Entity id "${e}" must be kebab-case (lower-case letters, digits, '-').`);
      ok = false;
    }
  }
  const note = optionalText(ctx, f, 'note');
  if (!ok) return undefined;
  const entry: WordClassEntry = { id: id as string, words: words.map((w) => w.toLowerCase()), entities, origin: ctx.origin(map) };
  if (note !== undefined) entry.note = note;
  return entry;
}

function readNameClass(ctx: Context, map: YAMLMap): NameClassEntry | undefined {
  const f = fields(ctx, map, NAME_CLASS_KEYS, 'name class');
  const id = requiredText(ctx, map, f, 'id');
  let ok = id !== undefined;
  if (id !== undefined && !(NAME_CLASS_IDS as readonly string[]).includes(id)) {
    ctx.report(f.get('id'), 'bad-value', `Unknown name class "${id}"; recognition reads only: ${NAME_CLASS_IDS.join(', ')}.`);
    ok = false;
  }
  const words = textList(ctx, f, 'words');
  for (const w of words) {
    if (w.trim() === '' || w.trim().split(/\s+/).length > 5) {
      ctx.report(f.get('words'), 'bad-value', `Name class entries are one to five words, not "${w}".`);
      ok = false;
    }
  }
  const note = optionalText(ctx, f, 'note');
  if (!ok) return undefined;
  const entry: NameClassEntry = { id: id as string, words: words.map((w) => w.trim()), origin: ctx.origin(map) };
  if (note !== undefined) entry.note = note;
  return entry;
}

function factList(ctx: Context, node: Node | undefined): EntityFact[] {
  const facts: EntityFact[] = [];
  const items = listItems(ctx, node, 'facts');
  for (const item of items) {
    if (!isMap(item)) {
      ctx.report(item, 'bad-value', 'Each fact is a mapping {label, value, asOf?}.');
      continue;
    }
    const f = fields(ctx, item, FACT_KEYS, 'fact');
    const label = requiredText(ctx, item, f, 'label');
    const value = requiredText(ctx, item, f, 'value');
    const asOf = optionalText(ctx, f, 'asOf');
    if (label === undefined || value === undefined) continue;
    const fact: EntityFact = { label, value };
    if (asOf !== undefined) {
      if (!AS_OF.test(asOf)) {
        ctx.report(f.get('asOf'), 'bad-value', `asOf must be YYYY, YYYY-MM or YYYY-MM-DD, not "${asOf}".`);
        continue;
      }
      fact.asOf = asOf;
    }
    facts.push(fact);
  }
  return facts;
}

function topicList(ctx: Context, node: Node | undefined): TopicId[] {
  const topics: TopicId[] = [];
  for (const item of listItems(ctx, node, 'topics')) {
    const t = scalarText(item);
    if (t === undefined || !(TOPIC_IDS as readonly string[]).includes(t)) {
      ctx.report(item, 'bad-value', `Unknown topic id "${t ?? '?'}"; expected one of: ${TOPIC_IDS.join(', ')}.`);
      continue;
    }
    if (!topics.includes(t as TopicId)) topics.push(t as TopicId);
  }
  return topics;
}

// ---------- field helpers ----------

/** Collects a mapping's fields by name, reporting unknown keys (the entry still loads without them). */
function fields(ctx: Context, map: YAMLMap, allowed: readonly string[], what: string): Map<string, Node | undefined> {
  const out = new Map<string, Node | undefined>();
  for (const pair of map.items) {
    const key = keyName(pair);
    if (key === undefined || !allowed.includes(key)) {
      const hint = key !== undefined ? nearest(key, allowed) : undefined;
      ctx.report(asNode(pair.key) ?? map, 'unknown-key', `Unknown ${what} key "${key ?? '?'}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${allowed.join(', ')}.`);
      continue;
    }
    out.set(key, asNode(pair.value));
  }
  return out;
}

function fieldNode(map: YAMLMap, key: string): Node | undefined {
  for (const pair of map.items) if (keyName(pair) === key) return asNode(pair.value);
  return undefined;
}

function requiredText(ctx: Context, map: YAMLMap, f: Map<string, Node | undefined>, key: string): string | undefined {
  if (!f.has(key) || isEmpty(f.get(key))) {
    ctx.report(f.has(key) ? (f.get(key) ?? map) : map, 'missing-field', `Missing required field \`${key}\`.`);
    return undefined;
  }
  const node = f.get(key);
  const text = scalarText(node);
  if (text === undefined || text.trim() === '') {
    ctx.report(node, 'bad-value', `\`${key}\` must be a non-empty text value.`);
    return undefined;
  }
  return text.trim();
}

function optionalText(ctx: Context, f: Map<string, Node | undefined>, key: string): string | undefined {
  const node = f.get(key);
  if (isEmpty(node)) return undefined;
  const text = scalarText(node);
  if (text === undefined || text.trim() === '') {
    ctx.report(node, 'bad-value', `\`${key}\` must be a text value.`);
    return undefined;
  }
  return text.trim();
}

function textList(ctx: Context, f: Map<string, Node | undefined>, key: string): string[] {
  const out: string[] = [];
  for (const item of listItems(ctx, f.get(key), key)) {
    const t = scalarText(item);
    if (t === undefined || t.trim() === '') {
      ctx.report(item, 'bad-value', `Items of \`${key}\` must be non-empty text.`);
      continue;
    }
    if (!out.includes(t.trim())) out.push(t.trim());
  }
  return out;
}

function listItems(ctx: Context, node: Node | undefined, key: string): Node[] {
  if (isEmpty(node)) return [];
  if (!isSeq(node)) {
    ctx.report(node, 'bad-value', `\`${key}\` must be a list.`);
    return [];
  }
  const out: Node[] = [];
  for (const item of node.items) {
    const n = asNode(item);
    if (n) out.push(n);
    else ctx.report(node, 'bad-value', `\`${key}\` has an empty item.`);
  }
  return out;
}

/** Text of a plain scalar; numbers keep their written form ("1.0" stays "1.0"). Aliases are refused: data only. */
function scalarText(node: Node | null | undefined): string | undefined {
  if (!node || isAlias(node) || !isScalar(node)) return undefined;
  const v: unknown = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    return typeof node.source === 'string' ? node.source : String(v);
  }
  return undefined;
}

function isEmpty(node: Node | null | undefined): boolean {
  return node == null || (isScalar(node) && node.value == null);
}

function keyName(pair: Pair): string | undefined {
  const k = asNode(pair.key);
  return k && isScalar(k) && typeof k.value === 'string' ? k.value : undefined;
}

function asNode(v: unknown): Node | undefined {
  return v != null && typeof v === 'object' && 'range' in v ? (v as Node) : undefined;
}

/** A close allowed key (edit distance ≤ 2) to suggest for a typo like "alias" or "topic". */
function nearest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const a of allowed) {
    const d = editDistance(key.toLowerCase(), a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

// ---------- merging ----------

/**
 * Layers lexicons: later overlays add entries or replace same-id cues and entities; a topic with an existing id
 * keeps its place, takes the overlay's label and icon, and gains the overlay's keywords, phrases and entities; a
 * word class with an existing id likewise gains the overlay's words and entities.
 */
export function mergeLexicons(base: Lexicon, ...overlays: Lexicon[]): Lexicon {
  const cues = new Map(base.cues.map((c) => [c.id, c] as const));
  const entities = new Map(base.entities.map((e) => [e.id, e] as const));
  const topics = new Map(base.topics.map((t) => [t.id, t] as const));
  const wordClasses = new Map(base.wordClasses.map((w) => [w.id, w] as const));
  const nameClasses = new Map((base.nameClasses ?? []).map((w) => [w.id, w] as const));
  for (const overlay of overlays) {
    for (const w of overlay.nameClasses ?? []) {
      const old = nameClasses.get(w.id);
      nameClasses.set(w.id, old ? { ...old, words: union(old.words, w.words) } : w);
    }
    for (const c of overlay.cues) cues.set(c.id, c);
    for (const e of overlay.entities) entities.set(e.id, e);
    for (const t of overlay.topics) {
      const old = topics.get(t.id);
      topics.set(
        t.id,
        old
          ? {
              ...old,
              label: t.label || old.label,
              icon: t.icon || old.icon,
              keywords: union(old.keywords, t.keywords),
              phrases: union(old.phrases, t.phrases),
              entities: union(old.entities, t.entities),
              userTerms: union(old.userTerms ?? [], [...t.keywords, ...t.phrases].filter((w) => !old.keywords.includes(w) && !old.phrases.includes(w))),
            }
          : t,
      );
    }
    for (const w of overlay.wordClasses) {
      const old = wordClasses.get(w.id);
      wordClasses.set(w.id, old ? { ...old, words: union(old.words, w.words), entities: union(old.entities, w.entities) } : w);
    }
  }
  // A later file's trained model replaces an earlier one's whole: two models' weights do not add up.
  const topicModel = [base, ...overlays].reduce<Lexicon['topicModel']>((m, l) => l.topicModel ?? m, undefined);
  const merged: Lexicon = { cues: [...cues.values()], entities: [...entities.values()], topics: [...topics.values()], wordClasses: [...wordClasses.values()], nameClasses: [...nameClasses.values()] };
  if (topicModel !== undefined) merged.topicModel = topicModel;
  return merged;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
