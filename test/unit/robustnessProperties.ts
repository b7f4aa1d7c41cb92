// Properties every input must satisfy, shared by the unit test (a few thousand cases) and `npm run fuzz`
// (scripts/fuzz.mjs, 100,000 and more, run from out/). Each builder takes the number of runs and returns
// fast-check's report, so callers decide whether to assert or print. Every case also times itself (CaseTiming):
// time is measured and printed, never asserted, so no property flakes on a busy machine.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { compileCuePatterns } from '../../src/core/cues';
import { parseLexiconYaml } from '../../src/core/lexicon/lexicon';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import type { Analysis, LexiconError, Span } from '../../src/core/types';

/** How long the cases of one property took: the total and the slowest, with a short description of its input. */
export interface CaseTiming {
  cases: number;
  totalMs: number;
  slowestMs: number;
  slowest: string;
}

export interface PropertyCase {
  name: string;
  property: fc.IRawProperty<[string]>;
  timing: CaseTiming;
}

/** A case's check, timed into `timing` (shrinking runs count too: they are cases as well). */
function timed(timing: CaseTiming, check: (t: string) => void): (t: string) => void {
  return (t) => {
    const started = performance.now();
    try {
      check(t);
    } finally {
      const ms = performance.now() - started;
      timing.cases++;
      timing.totalMs += ms;
      if (ms > timing.slowestMs) {
        timing.slowestMs = ms;
        timing.slowest = `${t.length.toLocaleString('en-US')} units: ${JSON.stringify(t.length > 72 ? t.slice(0, 72) + '…' : t)}`;
      }
    }
  };
}

/** A property over strings whose every case is timed. */
function timedCase(name: string, input: fc.Arbitrary<string>, check: (t: string) => void): PropertyCase {
  const timing: CaseTiming = { cases: 0, totalMs: 0, slowestMs: 0, slowest: '' };
  return { name, property: fc.property(input, timed(timing, check)), timing };
}

export interface Fixtures {
  root: string;
  compiled: CompiledLexicon;
  sentences: string[];
  lexiconTexts: { file: string; text: string }[];
}

/** The built-in lexicons and the seed's sentences, read from the repository at `root`. */
export function loadFixtures(root: string): Fixtures {
  const lexiconTexts = BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: fs.readFileSync(path.join(root, 'lexicons', f), 'utf8') }));
  const compiled = compileLexicon(loadLexiconFiles(lexiconTexts).lexicon);
  const seed = fs.readFileSync(path.join(root, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8');
  const sentences = seed
    .replace(/^date \S+\s*/, '')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.length > 0);
  return { root, compiled, sentences, lexiconTexts };
}

const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', '  ', '\t', '\u00a0', '\n// a note\n', '\n- ', '\n1. '];
const PUNCTUATION = ['.', '!', '?', '…', '"', "'", ')', '(', ']', '“', '”', '’', ';', ':', ',', '-', '—', '...', '. ', '?! '];

/** Texts a fuzzer should try: any UTF-16 units (lone surrogates too), any code points, readout sentence mixes. */
export function textArbitrary(sentences: string[]): fc.Arbitrary<string> {
  const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
  const anyCodePoints = fc.string({ unit: 'binary', maxLength: 200 });
  const sentence = fc.constantFrom(...sentences);
  const casing = fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase());
  const mix = fc
    .array(fc.tuple(sentence, fc.constantFrom(...SEPARATORS), casing), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.map(([s, sep, c]) => c(s) + sep).join(''));
  const cut = fc.tuple(sentence, fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1)));
  const punctuationRun = fc
    .tuple(fc.array(fc.constantFrom(...PUNCTUATION), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 3000 }))
    .map(([p, n]) => p.join('').repeat(n).slice(0, 20000));
  const spliced = fc
    .array(fc.oneof({ weight: 4, arbitrary: sentence }, cut, anyUnits, anyCodePoints, fc.constantFrom(...PUNCTUATION, ...SEPARATORS, '\r\n', '\r', '\u2028', '\ufeff', '\ud83d\ude00', '---\n', 'date 2023-05-19 ')), { maxLength: 20 })
    .map((parts) => parts.join(''));
  return fc.oneof(anyUnits, anyCodePoints, { weight: 3, arbitrary: mix }, punctuationRun, { weight: 3, arbitrary: spliced });
}

function checkSpans(kind: string, text: string, spans: readonly Span[], textOf?: (s: Span) => string | undefined): void {
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${kind}: non-integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${kind} [${s.start}, ${s.end}) outside 0..${text.length}`);
    const expected = textOf?.(s);
    if (expected !== undefined) assert.strictEqual(text.slice(s.start, s.end), expected, `${kind} text differs from its range`);
  }
}

/** The invariants of one Analysis of `text`. */
export function checkAnalysis(text: string, a: Analysis): void {
  const r = a.readout;
  checkSpans('cue', text, a.cues, (s) => (s as Analysis['cues'][number]).text);
  checkSpans('entity', text, a.entities, (s) => (s as Analysis['entities'][number]).text);
  checkSpans('sentence', text, r.sentences, (s) => (s as Analysis['readout']['sentences'][number]).text);
  checkSpans('comment', text, r.comments, (s) => (s as Analysis['readout']['comments'][number]).text);
  checkSpans('paragraph', text, r.paragraphs);
  checkSpans('problem', text, r.problems);
  for (let i = 1; i < a.cues.length; i++) {
    assert.ok(a.cues[i].start >= a.cues[i - 1].end, `cues overlap: "${a.cues[i - 1].text}" and "${a.cues[i].text}"`);
  }
  for (const c of a.cues) assert.ok(c.sentence >= 0 && c.sentence < r.sentences.length, 'cue sentence index out of range');
  assert.strictEqual(a.topics.length, r.sentences.length, 'one topic entry per sentence');
}

export function analysisProperties(fx: Fixtures): PropertyCase[] {
  const text = textArbitrary(fx.sentences);
  return [
    timedCase('analyze never throws, keeps every range inside the text with matching text, cues never overlap', text, (t) => checkAnalysis(t, analyze(t, fx.compiled))),
    timedCase('analyze is deterministic', text, (t) => {
      assert.deepStrictEqual(analyze(t, fx.compiled), analyze(t, fx.compiled));
    }),
    timedCase('analyze with a size limit stays inside the limit', text, (t) => {
      const limit = Math.max(1, Math.floor(t.length / 2));
      const a = analyze(t, fx.compiled, { maxLength: limit });
      checkAnalysis(t, a);
      for (const c of a.cues) assert.ok(c.end <= a.analyzedLength);
    }),
    timedCase('CRLF and LF line ends give the same cues (texts, strengths, order)', text, (t) => {
      const lf = t.replace(/\r\n?/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      const cues = (s: string): string[] => analyze(s, fx.compiled).cues.map((c) => `${c.text.replace(/\r\n/g, '\n')}|${c.strength}|${c.negated}`);
      assert.deepStrictEqual(cues(crlf), cues(lf));
    }),
  ];
}

/** Random edits of a real lexicon file: deletions, insertions of YAML syntax, tabs and odd bytes, line swaps. */
export function mutatedYamlArbitrary(texts: string[]): fc.Arbitrary<string> {
  const insertion = fc.constantFrom(':', '-', '{', '}', '[', ']', '\t', '"', "'", '#', '&a', '*a', '!!js/function ', '!custom ', '|', '>', '\u0000', '\ufffd', '\r', '\n', ': ', '- ', '  ');
  type Edit = { kind: 'delete' | 'insert' | 'swap' | 'byte'; at: number; length: number; what: string };
  const edit: fc.Arbitrary<Edit> = fc.record({
    kind: fc.constantFrom('delete', 'insert', 'swap', 'byte'),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
    what: fc.oneof(insertion, fc.string({ unit: 'binary', maxLength: 3 })),
  }) as fc.Arbitrary<Edit>;
  return fc.tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([original, edits]) => {
    let t = original;
    for (const e of edits) {
      const at = t.length === 0 ? 0 : e.at % t.length;
      if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
      else if (e.kind === 'insert') t = t.slice(0, at) + e.what + t.slice(at);
      else if (e.kind === 'byte') t = t.slice(0, at) + String.fromCharCode(e.at % 256) + t.slice(at + 1);
      else {
        const lines = t.split('\n');
        const a = e.at % lines.length;
        const b = (e.at + e.length) % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        t = lines.join('\n');
      }
    }
    return t;
  });
}

/** Every error of a lexicon file lies inside it: a line of the file, a column on it. */
function checkErrorPositions(text: string, errors: readonly LexiconError[]): void {
  const lineCount = text.split('\n').length;
  for (const e of errors) {
    assert.ok(Number.isInteger(e.line) && e.line >= 0 && e.line < lineCount, `line ${e.line} outside 0..${lineCount - 1}: ${e.message}`);
    assert.ok(Number.isInteger(e.column) && e.column >= 0, `column ${e.column}: ${e.message}`);
    if (e.endLine !== undefined) assert.ok(e.endLine >= e.line && e.endLine < lineCount, `endLine ${e.endLine}`);
  }
}

export function lexiconProperties(fx: Fixtures): PropertyCase[] {
  // The entity lexicon is large; a window of it keeps each case quick while keeping its structure.
  const texts = fx.lexiconTexts.map((f) => (f.text.length > 6000 ? f.text.slice(0, 6000) : f.text));
  return [
    timedCase('mutated lexicon YAML never crashes parseLexiconYaml; errors carry valid positions', mutatedYamlArbitrary(texts), (t) => {
      const { lexicon, errors } = parseLexiconYaml(t, 'mutated.yaml');
      assert.ok(Array.isArray(lexicon.cues) && Array.isArray(lexicon.entities) && Array.isArray(lexicon.topics));
      checkErrorPositions(t, errors);
      // Whatever loaded must still compile.
      compileLexicon(lexicon);
    }),
  ];
}

const PATTERN_WORDS = ['agreed', 'agree{,d,s}', 'to', 'will', 'the', 'work', 'commit{,s,ted}', 'ready', 'that', 'on', 'a', 'continue{,d,s}'];
const PATTERN_MARKS = ['<adv>', '<det>', '<np>', '>', '~will'];

/** Patterns of the cue language built from its grammar: sequences, ( | ) and [ ] a few levels deep. */
function grammarPatternArbitrary(): fc.Arbitrary<string> {
  const atom = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PATTERN_WORDS) }, fc.constantFrom(...PATTERN_MARKS));
  const tree = fc.letrec<{ node: string; seq: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: atom },
      fc.array(tie('seq'), { minLength: 1, maxLength: 4 }).map((a) => `(${a.join('|')})`),
      tie('seq').map((q) => `[${q}]`),
    ),
    seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((a) => a.join(' ')),
  }));
  return tree.seq;
}

type PatternMutation = { kind: 'nest' | 'repeat' | 'widen' | 'grow' | 'unbalance'; n: number; at: number; bracket: '(' | '[' };

/**
 * Structural mutations of a pattern (a real one or one from the grammar): nested in ( ) or [ ] up to far past the
 * depth limit, repeated, alternatives widened, a word grown long, a bracket dropped or added. The result starts
 * with a word, as the language asks, so most reach the matcher.
 */
export function mutatedPatternArbitrary(real: string[]): fc.Arbitrary<string> {
  const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 24 }) }, fc.integer({ min: 25, max: 3000 }), fc.integer({ min: 3001, max: 20000 }));
  const mutation: fc.Arbitrary<PatternMutation> = fc.record({
    kind: fc.constantFrom('nest', 'repeat', 'widen', 'grow', 'unbalance'),
    n: count,
    at: fc.nat(),
    bracket: fc.constantFrom('(', '['),
  }) as fc.Arbitrary<PatternMutation>;
  const base = fc.oneof(fc.constantFrom(...real), grammarPatternArbitrary());
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('agreed ', 'will ', 'to ', '')).map(([start, mutations, first]) => {
    let p = start;
    for (const m of mutations) {
      const close = m.bracket === '(' ? ')' : ']';
      if (m.kind === 'nest') p = m.bracket.repeat(m.n) + p + close.repeat(m.n);
      else if (m.kind === 'repeat') p = Array.from({ length: Math.min(m.n, 2000) }, () => p).join(' ');
      else if (m.kind === 'widen') p = `(${Array.from({ length: Math.min(m.n, 2000) }, (_, i) => (i % 2 === 0 ? p : `w${i}`)).join('|')})`;
      else if (m.kind === 'grow') p = `${p} ${'x'.repeat(m.n)}`;
      else {
        const at = p.length === 0 ? 0 : m.at % p.length;
        p = m.at % 2 === 0 ? p.slice(0, at) + m.bracket + p.slice(at) : p.slice(0, at) + p.slice(at + 1);
      }
      if (p.length > 60_000) p = p.slice(0, 60_000);
    }
    return first + p;
  });
}

/** A text that holds the words of a pattern in order (so the matcher gets far into it), capped in length. */
function textForPattern(pattern: string, sentences: string[]): string {
  const words = pattern
    .replace(/\{[^}]*\}/g, '')
    .replace(/[^A-Za-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 4000);
  return `${sentences[0]} They ${words}. ${sentences[1] ?? ''}`;
}

export function patternProperties(fx: Fixtures): PropertyCase[] {
  const real = fx.compiled.lexicon.cues.map((c) => c.pattern);
  return [
    timedCase(
      'cue pattern, mutated structurally: positioned lexicon error or a pattern that compiles and matches; never a throw',
      mutatedPatternArbitrary(real),
      (pattern) => {
        const yaml =
          `cues:\n  - id: fuzz\n    pattern: ${JSON.stringify(pattern)}\n    strength: firm\n    explanation: x\n` +
          '  - id: kept\n    pattern: "pledged to"\n    strength: firm\n    explanation: y\n';
        const { lexicon, errors } = parseLexiconYaml(yaml, 'fuzz.yaml');
        checkErrorPositions(yaml, errors);
        assert.ok(
          lexicon.cues.some((c) => c.id === 'kept'),
          'a bad pattern must not take the other entries with it',
        );
        if (!lexicon.cues.some((c) => c.id === 'fuzz')) {
          assert.ok(
            // At the pattern's value: "Bad cue pattern: …", or the field check's own message for an empty one.
            errors.some((e) => e.line === 2 && e.column === 13 && e.code === 'bad-value'),
            `no positioned error for a rejected pattern: ${JSON.stringify(errors)}`,
          );
        }
        const cues = compileCuePatterns(lexicon.cues, fx.compiled.cues.words);
        // The loader and the compiler read patterns with one parser: what loads compiles.
        assert.deepStrictEqual(cues.rejected, []);
        const text = textForPattern(pattern, fx.sentences);
        checkAnalysis(text, analyze(text, { ...fx.compiled, cues }));
      },
    ),
  ];
}

type FrontMatterPart = { kind: 'nested-block' | 'nested-flow' | 'many-keys' | 'long-value' | 'aliases' | 'fields'; n: number; width: number };

/** Line ends to join front matter lines with: one style, or a different one per line. */
const LINE_ENDS = ['\n', '\r\n', '\r', '\u2028', '\u0085', 'mixed'] as const;

function frontMatterPart(part: FrontMatterPart): string[] {
  const { n, width } = part;
  switch (part.kind) {
    case 'nested-block': {
      // Indentation grows with depth: the text is quadratic in it, so depth stops at 700 (half a million units).
      const depth = Math.min(n, 700);
      return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:${i === depth - 1 ? ' leaf' : ''}`);
    }
    case 'nested-flow':
      return [`nest: ${'['.repeat(n)}x${']'.repeat(n)}`, `map: ${'{a: '.repeat(Math.min(n, 2000))}1${'}'.repeat(Math.min(n, 2000))}`];
    case 'many-keys':
      // Duplicates too, when width divides the keys into few names.
      return Array.from({ length: n }, (_, i) => `key${i % Math.max(1, width * 997)}: value ${i}`);
    case 'long-value':
      return [`title: ${'x'.repeat(n * width)}`, `participants: [${Array.from({ length: Math.min(n, 5000) }, (_, i) => `p${i}`).join(', ')}]`];
    case 'aliases': {
      // A billion laughs: each level's list names the one before `width` times.
      const levels = Math.min(n, 16);
      const lines = ['l0: &l0 [lol, lol]'];
      for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: Math.min(width, 12) }, () => `*l${i - 1}`).join(', ')}]`);
      lines.push(`participants: *l${levels - 1}`);
      return lines;
    }
    default:
      return ['date: 2023-05-19', 'title: A readout', 'participants: [Biden, Kishida]', 'source: https://example.invalid/x'];
  }
}

/** Readouts whose YAML front matter is deep, wide, long, self-referencing or split by unusual line ends. */
export function frontMatterArbitrary(sentences: string[]): fc.Arbitrary<string> {
  const n = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 50 }) }, fc.integer({ min: 51, max: 5000 }), fc.integer({ min: 5001, max: 30000 }));
  const part: fc.Arbitrary<FrontMatterPart> = fc.record({
    kind: fc.constantFrom('nested-block', 'nested-flow', 'many-keys', 'long-value', 'aliases', 'fields'),
    n,
    width: fc.integer({ min: 1, max: 20 }),
  }) as fc.Arbitrary<FrontMatterPart>;
  return fc
    .tuple(fc.array(part, { minLength: 1, maxLength: 3 }), fc.constantFrom(...LINE_ENDS), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 7 }), fc.boolean(), fc.constantFrom(...sentences))
    .map(([parts, style, mixed, closed, sentence]) => {
      const lines = ['---', ...parts.flatMap(frontMatterPart), ...(closed ? ['---'] : []), '', sentence, ''];
      let k = 0;
      return lines.map((l) => l + (style === 'mixed' ? mixed[k++ % mixed.length] : style)).join('');
    });
}

export function frontMatterProperties(fx: Fixtures): PropertyCase[] {
  return [
    timedCase(
      'front matter, mutated structurally (depth, keys, long values, aliases, line ends): never a throw, problems inside the text',
      frontMatterArbitrary(fx.sentences),
      (t) => {
        const a = analyze(t, fx.compiled);
        checkAnalysis(t, a);
        const h = a.readout.header;
        if (h.kind === 'front-matter' && h.span !== undefined) assert.ok(h.span.start >= 0 && h.span.end <= t.length, 'header span outside the text');
      },
    ),
  ];
}

/** Runs one property; returns fast-check's details (failures carry the shrunk counterexample). */
export function runProperty(p: PropertyCase, numRuns: number, seed?: number): fc.RunDetails<[string]> {
  return fc.check(p.property, { numRuns, seed, endOnFailure: false }) as fc.RunDetails<[string]>;
}
