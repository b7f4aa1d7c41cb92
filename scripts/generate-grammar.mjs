// Generates the TextMate grammar's cue patterns from lexicons/commitments.yaml, so the colouring never lists verbs the
// lexicon lacks (or the reverse). syntaxes/readout.tmLanguage.template.json holds the rest of the grammar by hand.
// Usage: node scripts/generate-grammar.mjs [--check]   (--check: exit 1 when the committed grammar is out of date)
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE = 'syntaxes/readout.tmLanguage.template.json';
export const GRAMMAR = 'syntaxes/readout.tmLanguage.json';
export const LEXICON = 'lexicons/commitments.yaml';
export const WORD_CLASSES = 'lexicons/word-classes.yaml';

const SCOPES = { firm: 'keyword.control.firm.readout', hedged: 'keyword.other.hedged.readout' };

// ---- Approximations of rules that live in the analyzer's code (src/core/cues), bounded to what one regex on one
// line can say. The grammar only colours; the analysis's semantic tokens and diagnostics refine it.

/** The word classes the analyzer's rules read (lexicons/word-classes.yaml), by class id. */
function wordClass(id) {
  const doc = YAML.parse(fs.readFileSync(path.join(root, WORD_CLASSES), 'utf8'));
  const entry = (doc['word-classes'] ?? []).find((c) => c.id === id);
  if (!entry) throw new Error(`${WORD_CLASSES} has no class ${id}`);
  return new Set(entry.words.map((w) => String(w).toLowerCase()));
}
/** C2: a modal's "not" belongs to its cue ("will not"); a verb's negation comes before it and is left uncoloured. */
const MODALS = wordClass('modals');
/** C4: will/shall/would with an event as subject ("will be held", "will take place") is no cue. */
const FUTURE_MODALS = wordClass('future-modals');
const NO_PARTY_FUTURE = '(?!\\s+(?:not\\s+)?(?:be\\s+held|take\\s+place)\\b)';
/** C4 for "can": the analyzer wants a party subject outright ("together we can"), so the grammar does as for base forms. */
const STRICT_MODALS = wordClass('strict-modals');
/** A base-form cue needs a party as subject ("We welcome", "the two sides support"): the grammar accepts it right
 * after a pronoun, a plural party noun or a modifier, never after "to" or a modal ("to discuss", "will welcome"). */
const BASE_SUBJECTS = ['we', 'they', 'i', 'you', 'sides', 'leaders', 'countries', 'ministers', 'parties', 'nations', 'governments', 'states', 'allies', 'partners', 'members', 'both', 'all', 'also', 'further', 'jointly', 'together', 'strongly', 'fully', 'firmly'];
/** A cue word right after one of these is a noun ("the pledge", "their shared interest", "as agreed"). */
const NOUN_MARKERS = ['the', 'a', 'an', 'their', 'his', 'her', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'of', 'for', 'with', 'in', 'on', 'at', 'by', 'from', 'as', 'strong', 'full', 'firm', 'deep', 'mutual', 'joint', 'new'];
/** <adv>: up to 3 modifiers, an "-ly" word or one of the matcher's common short adverbs. */
const ADVERB = "(?:\\p{L}+ly|further|also|once|again|still|not|never|both|all|together|now|already|then|today|too|well|as|even)";
/** <det>: a bounded run of words that does not cross a preposition or conjunction (so it stays a noun phrase). */
const PHRASE_WORD = "(?!(?:on|upon|in|to|with|for|of|at|by|that|and|or|but)(?![\\p{L}'’-]))[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*";
/** ~will: the rest of the clause holds will/would/shall (the "action by a party" part needs the analyzer). */
/** <np>: 1-5 words of any kind, within the line and the clause. */
const ANY_WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*";
const CLAUSE_WILL = "[^.;:!?]*?\\b(?:will|would|shall)\\b";
const WORD_START = "(?<![\\w'’-])";
const WORD_END = "(?![\\w-]|['’]\\w)";

/** Matches `regex` only where SUBJECT_SEEN (group 1 of the whole cue regex) found a subject before the cue. */
function afterSubject(regex) {
  return `(?(1)${regex}|(?!))`;
}
/** Group 1: empty, and set only when a subject word precedes; one lookbehind per candidate word instead of one per
 * base-form alternative (those made the grammar several times slower). */
const SUBJECT_SEEN = () => `(?:${after(BASE_SUBJECTS)}()|)`;

/** A lookbehind on a word followed by one blank, in lower and capitalised spelling (case-sensitive: an
 * Oniguruma lookbehind must have a fixed length, which case-insensitive matching cannot promise). */
function after(words, negative = false) {
  const forms = words.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]);
  return `(?<${negative ? '!' : '='}${[...new Set(forms)].map((w) => `\\b${escape(w)}\\s`).join('|')})`;
}

// ---- The pattern mini-language (documented at the top of lexicons/commitments.yaml)

/** Splits at top-level occurrences of `sep`, respecting (), [] and {}. */
function splitTop(text, sep) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && (sep === ' ' ? /\s/.test(ch) : ch === sep)) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) throw new Error(`unbalanced brackets in pattern "${text}"`);
  parts.push(text.slice(from));
  return sep === ' ' ? parts.filter((p) => p !== '') : parts;
}

/** Items: { word: [forms], base?: form } | { alt: [items[]] } | { opt: items[] } | { slot } | { spanEnd } | { will }. */
export function parsePattern(text) {
  return splitTop(text.trim(), ' ').map((token) => {
    if (token === '>') return { spanEnd: true };
    if (token === '~will') return { will: true };
    const slot = /^<(adv|det|adjs|np)>$/.exec(token);
    if (slot) return { slot: slot[1] };
    if (token.startsWith('[') && token.endsWith(']')) return { opt: parsePattern(token.slice(1, -1)) };
    if (token.startsWith('(') && token.endsWith(')')) return { alt: splitTop(token.slice(1, -1), '|').map(parsePattern) };
    const stem = /^([^{}]*)\{([^{}]*)\}([^{}]*)$/.exec(token);
    if (stem) {
      const forms = stem[2].split(',').map((ending) => stem[1] + ending + stem[3]);
      return { word: forms, base: forms[0] };
    }
    if (/[()[\]{}<>|~]/.test(token)) throw new Error(`cannot read pattern item "${token}"`);
    return { word: [token] };
  });
}

function escape(word) {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
}

function alternation(forms) {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return sorted.length === 1 ? sorted[0] : `(?:${sorted.join('|')})`;
}

/** The regex of a sequence of items; every item after the first brings its own leading blank. */
function sequence(items, first) {
  return items.map((item, i) => itemRegex(item, first && i === 0)).join('');
}

function itemRegex(item, first) {
  const sep = first ? '' : '\\s+';
  if (item.slot === 'adv') return `(?:\\s+${ADVERB}){0,3}`;
  if (item.slot === 'det') return `(?:\\s+${PHRASE_WORD}){0,3}`;
  if (item.slot === 'adjs') return `(?:,?\\s+(?:and\\s+)?${PHRASE_WORD}){0,5}`;
  if (item.slot === 'np') return `(?:\\s+${ANY_WORD}){1,5}`;
  if (item.opt) return `(?:\\s+${sequence(item.opt, true)})?`;
  if (item.alt) return sep + alternation(item.alt.map((seq) => sequence(seq, true)));
  return sep + alternation(item.word.map(escape));
}

/** Most words a sequence can colour: the static stand-in for "at one position the longest span wins". */
function longest(items) {
  let n = 0;
  for (const item of items) {
    if (item.word) n++;
    else if (item.opt) n += longest(item.opt);
    else if (item.alt) n += Math.max(...item.alt.map(longest));
  }
  return n;
}

/** One cue entry as a regex: its span (coloured), then its context as a lookahead. */
export function cueRegex(pattern) {
  const items = parsePattern(pattern);
  const endAt = items.findIndex((item) => item.spanEnd || item.will);
  const span = endAt < 0 ? items : items.slice(0, endAt);
  const context = endAt < 0 ? [] : items.slice(endAt).filter((item) => !item.spanEnd);
  const [head, ...rest] = span;
  if (!head || !(head.word || head.alt)) throw new Error(`pattern "${pattern}" must start with a word`);
  const firstWords = head.word ?? head.alt.flatMap((seq) => (seq[0]?.word ? seq[0].word : []));
  const modal = firstWords.length > 0 && firstWords.every((w) => MODALS.has(w.toLowerCase()));
  // A stem's first ending is its base form, which needs a party as subject ("We welcome", not "to welcome").
  const bases = [];
  const others = [];
  for (const seq of head.word ? [[head]] : head.alt) {
    if (seq.length !== 1 || !seq[0].word) others.push(sequence(seq, true));
    else for (const form of seq[0].word) (form === seq[0].base ? bases : others).push(escape(form));
  }
  const starts = [];
  const strict = modal && firstWords.every((w) => STRICT_MODALS.has(w.toLowerCase()));
  if (bases.length) starts.push(afterSubject(`(?i:${alternation(bases)})`));
  if (others.length) starts.push(strict ? afterSubject(`(?i:${alternation(others)})`) : `(?i:${alternation(others)})`);
  let start = starts.length === 1 ? starts[0] : `(?:${starts.join('|')})`;
  if (modal && firstWords.every((w) => FUTURE_MODALS.has(w.toLowerCase()))) start += NO_PARTY_FUTURE;
  let body = rest.length ? `(?i:${sequence(rest, false)})` : '';
  if (modal && rest.length === 0) body += '(?i:\\s+not)?';
  let look = '';
  for (const item of context) look += item.will ? CLAUSE_WILL : itemRegex(item, false);
  return {
    regex: `${start}${body}${WORD_END}${look ? `(?=(?i:${look}))` : ''}`,
    firstWords,
    length: longest(span),
    context: context.length > 0,
  };
}

/**
 * The guards every cue shares come once, behind a cheap test of the first word, so the long lookbehinds run only
 * where a cue word starts (tried at every position for every cue, they made colouring 100x slower).
 */
function guarded(cues, body) {
  const firsts = alternation(cues.flatMap((c) => c.firstWords).map(escape));
  return `${WORD_START}(?=(?i:${firsts})${WORD_END})${after(NOUN_MARKERS, true)}${SUBJECT_SEEN()}(?:${body})`;
}

/**
 * The generated repository entry: the cues in priority order, grouped into runs of one strength.
 */
export function cueRules(lexiconText) {
  const doc = YAML.parse(lexiconText);
  const cues = (doc?.cues ?? []).map((cue, order) => ({ ...cue, order, ...cueRegex(cue.pattern) }));
  cues.sort((a, b) => b.length - a.length || Number(b.context) - Number(a.context) || a.order - b.order);
  const runs = [];
  for (const cue of cues) {
    if (!SCOPES[cue.strength]) throw new Error(`cue ${cue.id}: unknown strength ${cue.strength}`);
    const last = runs[runs.length - 1];
    if (last && last.strength === cue.strength) last.cues.push(cue);
    else runs.push({ strength: cue.strength, cues: [cue] });
  }
  // One regex with a capture per run: its leftmost match and first branch give the same priority as one rule per
  // run would, and the editor scans each line once instead of once per run.
  return {
    comment: `Generated by scripts/generate-grammar.mjs from ${LEXICON}: do not edit here. Lexical only; the analyzer applies the rules that need the sentence (docs/commitment-policy.md C1-C5).`,
    match: guarded(cues, runs.map((run) => `(${run.cues.map((c) => c.regex).join('|')})`).join('|')),
    captures: Object.fromEntries(runs.map((run, i) => [String(i + 2), { name: SCOPES[run.strength], comment: run.cues.map((c) => c.id).join(', ') }])),
  };
}

/** The whole grammar: the template with its "cues" repository entry filled in. */
export function generateGrammar(templateText, lexiconText) {
  const grammar = JSON.parse(templateText);
  if (!grammar.repository || !('cues' in grammar.repository)) throw new Error(`${TEMPLATE} has no repository entry "cues" to fill`);
  grammar.repository.cues = cueRules(lexiconText);
  return JSON.stringify(grammar, null, 2) + '\n';
}

/** Regenerates the committed grammar; returns whether it changed. */
export function writeGrammar(dir = root) {
  const read = (rel) => fs.readFileSync(path.join(dir, rel), 'utf8');
  const next = generateGrammar(read(TEMPLATE), read(LEXICON));
  const target = path.join(dir, GRAMMAR);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === next) return false;
  fs.writeFileSync(target, next);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');
    if (generateGrammar(read(TEMPLATE), read(LEXICON)) !== read(GRAMMAR)) {
      console.error(`${GRAMMAR} is out of date: run node scripts/generate-grammar.mjs`);
      process.exit(1);
    }
  } else {
    console.log(writeGrammar() ? `wrote ${GRAMMAR}` : `${GRAMMAR} is up to date`);
  }
}
