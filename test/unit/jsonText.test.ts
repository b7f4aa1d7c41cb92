// writeJson must hand out JSON.stringify(value, null, 2)'s own bytes, at any depth of a larger document: the CLI's
// JSON report is written with it, and its readers (and the golden hashes) expect exactly those bytes.
import * as assert from 'assert';
import { writeJson } from '../../src/core/report/jsonText';
import { JsonReportStream, writeJsonReportPart } from '../../src/cli/jsonReportStream';
import { fileReport, jsonReport, lazyFileReport } from '../../src/core/report/report';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins } from './helpers';

function written(value: unknown, depth = 0): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson(value, (p) => pieces.push(p), depth);
  return { text: pieces.join(''), pieces: pieces.length };
}

const awkward = {
  s: 'quote " backslash \\ tab \t newline \n lone \ud800 pair \ud83d\ude00 line sep \u2028 nul \u0000',
  n: [0, -0, 1.5, -2e-7, 1e21, NaN, Infinity, -Infinity],
  b: [true, false, null],
  skipped: undefined,
  f: () => 1,
  inArray: [undefined, () => 1, Symbol('x')],
  empty: { a: [], o: {}, onlyUndefined: { u: undefined } },
  date: new Date(Date.UTC(2023, 4, 19)),
  boxed: [Object(1), Object('x'), Object(true)],
  nested: [[[1, [2, []]], {}], [{ deep: [{ deeper: ['x'] }] }]],
  '0': 'integer key first',
  'key "quoted"\n': 1,
};

describe('writeJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes, awkward values included', () => {
    assert.strictEqual(written(awkward).text, JSON.stringify(awkward, null, 2));
    for (const v of [[], {}, 'x', 3, null, [1], [[]], [{}], { a: [] }]) assert.strictEqual(written(v).text, JSON.stringify(v, null, 2));
  });

  it('writes long arrays in several pieces, with the same bytes', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ start: i, end: i + 1, text: `word ${i} “quoted”`, topics: i % 3 ? ['trade'] : [], u: undefined }));
    const value = { files: [{ path: 'p', rows }], tail: rows.slice(0, 3) };
    const out = written(value);
    assert.strictEqual(out.text, JSON.stringify(value, null, 2));
    assert.ok(out.pieces > 1, `${out.pieces} piece(s)`);
  });

  it('indents a value as deep in a larger document as asked', () => {
    for (const depth of [1, 2, 5]) {
      const inner = JSON.stringify(awkward, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
      assert.strictEqual(written(awkward, depth).text, inner, `depth ${depth}`);
    }
  });

  it('streams a report part by part with jsonReport\'s bytes', () => {
    const compiled = compiledBuiltins();
    const reports = ['date 2023-05-19 The two leaders agreed to expand cooperation.\n\nThey discussed Ukraine.', 'date 2024-01-02 Nothing.'].map((t, i) =>
      fileReport(`r${i}.readout`, analyze(t, compiled)),
    );
    for (const files of [[], reports.slice(0, 1), reports]) {
      let text = '';
      const stream = new JsonReportStream((c) => (text += c));
      for (const r of files) writeJsonReportPart(r, stream.part());
      stream.end();
      assert.strictEqual(text, jsonReport(files));
    }
  });

  it('writes a lazy report (rows made as written) as the report made whole, and JSON.stringify agrees', () => {
    const compiled = compiledBuiltins();
    const text = 'date 2023-05-19 The two leaders agreed to expand cooperation on Ukraine.\n\nThey discussed ' + 'Trade with the EU and NATO grew. '.repeat(300);
    const analysis = analyze(text, compiled);
    const whole = fileReport('r.readout', analysis);
    assert.ok(whole.sentences.length > 256 && whole.entities.length > 256, `rows enough for several runs: ${whole.sentences.length} sentences, ${whole.entities.length} entities`);
    const lazy = lazyFileReport('r.readout', analysis);
    assert.strictEqual(JSON.stringify(lazy), JSON.stringify(whole));
    assert.strictEqual(written(lazy, 2).text, written(whole, 2).text);
    assert.strictEqual(written(lazy).text, JSON.stringify(whole, null, 2));
  });
});
