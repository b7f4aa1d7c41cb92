// The Markdown export: a report an analyst pastes into a brief (header, topic summary, commitments table).
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { markdownReport, topicSummary } from '../../src/core/report/markdown';
import { tableCell } from '../../src/core/report/markdownText';
import { readRepoFile } from './helpers';

let cached: CompiledLexicon | undefined;
function builtins(): CompiledLexicon {
  return (cached ??= compileLexicon(loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon));
}

/** Rows of the first Markdown table after `heading`, as cells (header and separator excluded). */
function tableAfter(md: string, heading: string): string[][] {
  const at = md.indexOf(heading);
  assert.ok(at >= 0, `no "${heading}" in\n${md}`);
  const lines = md.slice(at).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return rows;
}

describe('markdownReport', () => {
  const seedPath = 'samples/kishida-biden-2023-05-19.readout';

  it('writes a header, a topic summary and one commitments row per cue for the seed', () => {
    const analysis = analyze(readRepoFile(seedPath), builtins());
    const md = markdownReport([{ path: seedPath, analysis }], builtins(), { generated: '2024-01-01', toolVersion: '0.1.0' });
    assert.match(md, /^# Readout analysis\n\n_Generated 2024-01-01 · Readout Lens 0\.1\.0\./);
    assert.match(md, /- \*\*Date:\*\* 2023-05-19/);
    const firm = analysis.cues.filter((c) => c.strength === 'firm').length;
    assert.match(md, new RegExp(`- \\*\\*Commitments:\\*\\* ${firm} firm, ${analysis.cues.length - firm} hedged`));

    const topics = tableAfter(md, '### Topics');
    assert.deepStrictEqual(topics.map((r) => r[0]).slice(0, 1), [builtins().topicById.get(analysis.topics[0].primary)?.label]);
    const total = topics.reduce((s, r) => s + Number(r[1]), 0);
    assert.strictEqual(total, analysis.readout.sentences.length, 'every sentence counted once, under its primary topic');

    const rows = tableAfter(md, '### Commitments');
    assert.strictEqual(rows.length, analysis.cues.length);
    for (const [i, row] of rows.entries()) {
      const cue = analysis.cues[i];
      assert.strictEqual(row.length, 5, row.join(' | '));
      assert.strictEqual(row[2], tableCell(cue.text));
      assert.match(row[3], cue.strength === 'firm' ? /^Firm/ : /^Hedged/);
    }
    assert.ok(rows.some((r) => /two leaders/i.test(r[1])), 'actors are named');
  });

  it('counts statements and cues per primary topic in order of first appearance', () => {
    const analysis = analyze('date 2024-03-14 The leaders agreed to open a new embassy. They reaffirmed their support for Ukraine.', builtins());
    const summary = topicSummary(analysis);
    assert.strictEqual(summary.reduce((s, t) => s + t.statements, 0), 2);
    assert.strictEqual(summary.reduce((s, t) => s + t.firm, 0), 1);
    assert.strictEqual(summary.reduce((s, t) => s + t.hedged, 0), 1);
  });

  it('escapes table-breaking text and gives a summary table for several files', () => {
    const odd = analyze('date 2024-03-14 The | leaders agreed to *open* a `new` [embassy].', builtins());
    const plain = analyze('date 2024-03-15 The leaders reaffirmed their support for Ukraine.', builtins());
    const md = markdownReport([{ path: 'a|b.readout', analysis: odd }, { path: 'c.readout', analysis: plain }], builtins(), { title: 'Folder' });
    const summary = tableAfter(md, '# Folder');
    assert.deepStrictEqual(summary.map((r) => r[0]), ['a\\|b.readout', 'c.readout']);
    const rows = tableAfter(md, '### Commitments');
    assert.strictEqual(rows[0].length, 5);
    assert.match(rows[0][4], /The \\\| leaders agreed to \\\*open\\\* a \\`new\\` \\\[embassy\\\]\./);
    assert.ok(!/Generated/.test(md), 'no timestamp unless given');
  });

  it('says so when there is nothing to report', () => {
    assert.match(markdownReport([], builtins()), /_No readouts\._/);
    const md = markdownReport([{ path: 'empty.readout', analysis: analyze('', builtins()) }], builtins());
    assert.match(md, /_No commitment cues\._/);
  });
});
