// Comparing a readout with itself, and comparing long readouts: every statement finds its copy, and the work
// grows with the number of cues, not with its square (the cues scored per cue are bounded; the time is printed).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { compareAnalyses, MAX_CANDIDATES_PER_CUE, type CompareStats, type Comparison } from '../../src/core/compare/compare';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { corpusAvailable, corpusDir, readRepoFile, repoRoot } from './helpers';

let cached: CompiledLexicon | undefined;
function builtins(): CompiledLexicon {
  return (cached ??= compileLexicon(loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon));
}

function selfCompare(text: string, stats?: CompareStats): Comparison {
  const compiled = builtins();
  const analysis = analyze(text, compiled);
  return compareAnalyses({ label: 'A', text, analysis }, { label: 'B', text, analysis }, compiled, stats);
}

/** Every cue of side A matched with the same cue of side B, nothing "only in" either side. */
function assertEveryStatementMatched(c: Comparison, what: string): void {
  const unmatched = [...c.onlyA, ...c.onlyB].map((id) => `${id} ${c.cues[id].text} | ${c.cues[id].what}`);
  assert.deepStrictEqual(unmatched, [], `${what}: cues left "only in" one side`);
  assert.deepStrictEqual(c.omissions, [], `${what}: omissions`);
  for (const m of c.matches) {
    assert.strictEqual(m.a.slice(2), m.b.slice(2), `${what}: ${m.a} matched with ${m.b}, not with its own copy`);
    assert.ok(!m.mismatch, `${what}: a cue mismatches its own copy`);
  }
}

const workspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

describe('compareAnalyses: a readout compared with itself', () => {
  it('matches identical short statements, whose what is one word or none', () => {
    const c = selfCompare(
      'date 2024-03-14 Prime Minister Alder of Norland spoke today with President Brook of Estmark.\n\n' +
        'The two leaders condemned the attack. They asked for their feedback. The ministers will meet again. ' +
        'Both sides can help. The Prime Minister thanked President Brook for his hospitality.',
    );
    assert.ok(c.matches.length >= 5, `cues: ${Object.keys(c.cues).join(' ')}`);
    assertEveryStatementMatched(c, 'short statements');
    assert.ok(c.matches.every((m) => m.similarity === 1));
  });

  it('matches every statement of our fixtures and of the sample readouts', function () {
    this.timeout(60000);
    const texts = fs.readdirSync(workspace).filter((f) => f.endsWith('.readout')).map((f) => [f, fs.readFileSync(path.join(workspace, f), 'utf8')]);
    texts.push(['seed', readRepoFile('samples/kishida-biden-2023-05-19.readout')]);
    if (corpusAvailable()) {
      for (const f of fs.readdirSync(corpusDir)) texts.push([f, fs.readFileSync(path.join(corpusDir, f), 'utf8')]);
      const wh = path.join(corpusDir, '..', 'wh-readouts');
      if (fs.existsSync(wh)) for (const f of fs.readdirSync(wh).sort().slice(0, 300)) texts.push([f, fs.readFileSync(path.join(wh, f), 'utf8')]);
    }
    for (const [name, text] of texts) assertEveryStatementMatched(selfCompare(text), name);
  });

  it('still leaves a short statement unmatched against a different sentence', () => {
    const compiled = builtins();
    const a = 'date 2024-03-14 The two leaders condemned the attack.';
    const b = 'date 2024-03-14 The two leaders firmly condemned the attack on the port.';
    const c = compareAnalyses({ label: 'A', text: a, analysis: analyze(a, compiled) }, { label: 'B', text: b, analysis: analyze(b, compiled) }, compiled);
    assert.deepStrictEqual(c.matches, [], 'one shared word is too little evidence between two different sentences');
  });
});

describe('compareAnalyses: long readouts', () => {
  it('compares a ~300 KB readout with itself with a bounded number of scored pairs', function () {
    this.timeout(60000);
    // Our own fixture text, repeated with the numbers varied: many near-identical and identical statements,
    // the worst case for an index of shared words.
    const body = ['pair-a.readout', 'pair-b.readout'].map((f) => fs.readFileSync(path.join(workspace, f), 'utf8').replace(/^date \S+ /, '')).join('\n\n');
    let text = 'date 2024-03-14\n\n';
    for (let i = 0; text.length < 300_000; i++) text += `${body.replace(/year/g, `year ${2000 + (i % 50)}`)}\n\n`;
    const stats: CompareStats = { pairsScored: 0 };
    const started = performance.now();
    const c = selfCompare(text, stats);
    const ms = performance.now() - started;
    const cues = Object.keys(c.cues).length / 2;
    console.log(`      (${Math.round(text.length / 1024)} KB, ${cues} cues a side: ${stats.pairsScored.toLocaleString('en-US')} pairs scored, ${Math.round(ms)} ms with analysis)`);
    assert.ok(cues > 10 * MAX_CANDIDATES_PER_CUE, `${cues} cues: too few for the bound to mean anything`);
    assert.ok(stats.pairsScored >= cues && stats.pairsScored <= cues * MAX_CANDIDATES_PER_CUE, `${stats.pairsScored} pairs scored for ${cues} cues`);
    assert.deepStrictEqual([c.onlyA.length, c.onlyB.length], [0, 0]);
    assert.strictEqual(c.matches.length, cues);
  });

});
