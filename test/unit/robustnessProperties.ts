// Properties every input must satisfy, shared by the unit test (a few thousand cases) and `npm run fuzz`
// (scripts/fuzz.mjs, 100,000 and more, run from out/). Each builder takes the number of runs and returns
// fast-check's report, so callers decide whether to assert or print.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { parseLexiconYaml } from '../../src/core/lexicon/lexicon';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import type { Analysis, Span } from '../../src/core/types';

export interface PropertyCase {
  name: string;
  property: fc.IRawProperty<[string]>;
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
    {
      name: 'analyze never throws, keeps every range inside the text with matching text, cues never overlap',
      property: fc.property(text, (t) => checkAnalysis(t, analyze(t, fx.compiled))),
    },
    {
      name: 'analyze is deterministic',
      property: fc.property(text, (t) => {
        assert.deepStrictEqual(analyze(t, fx.compiled), analyze(t, fx.compiled));
      }),
    },
    {
      name: 'analyze with a size limit stays inside the limit',
      property: fc.property(text, (t) => {
        const limit = Math.max(1, Math.floor(t.length / 2));
        const a = analyze(t, fx.compiled, { maxLength: limit });
        checkAnalysis(t, a);
        for (const c of a.cues) assert.ok(c.end <= a.analyzedLength);
      }),
    },
    {
      name: 'CRLF and LF line ends give the same cues (texts, strengths, order)',
      property: fc.property(text, (t) => {
        const lf = t.replace(/\r\n?/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const cues = (s: string): string[] => analyze(s, fx.compiled).cues.map((c) => `${c.text.replace(/\r\n/g, '\n')}|${c.strength}|${c.negated}`);
        assert.deepStrictEqual(cues(crlf), cues(lf));
      }),
    },
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

export function lexiconProperties(fx: Fixtures): PropertyCase[] {
  // The entity lexicon is large; a window of it keeps each case quick while keeping its structure.
  const texts = fx.lexiconTexts.map((f) => (f.text.length > 6000 ? f.text.slice(0, 6000) : f.text));
  return [
    {
      name: 'mutated lexicon YAML never crashes parseLexiconYaml; errors carry valid positions',
      property: fc.property(mutatedYamlArbitrary(texts), (t) => {
        const { lexicon, errors } = parseLexiconYaml(t, 'mutated.yaml');
        assert.ok(Array.isArray(lexicon.cues) && Array.isArray(lexicon.entities) && Array.isArray(lexicon.topics));
        const lineCount = t.split('\n').length;
        for (const e of errors) {
          assert.ok(Number.isInteger(e.line) && e.line >= 0 && e.line < lineCount, `line ${e.line} outside 0..${lineCount - 1}: ${e.message}`);
          assert.ok(Number.isInteger(e.column) && e.column >= 0, `column ${e.column}: ${e.message}`);
          if (e.endLine !== undefined) assert.ok(e.endLine >= e.line && e.endLine < lineCount, `endLine ${e.endLine}`);
        }
        // Whatever loaded must still compile.
        compileLexicon(lexicon);
      }),
    },
  ];
}

/** Runs one property; returns fast-check's details (failures carry the shrunk counterexample). */
export function runProperty(p: PropertyCase, numRuns: number, seed?: number): fc.RunDetails<[string]> {
  return fc.check(p.property, { numRuns, seed, endOnFailure: false }) as fc.RunDetails<[string]>;
}
