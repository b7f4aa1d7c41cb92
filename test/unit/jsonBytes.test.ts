// writeJsonBytes must hand out the UTF-8 of JSON.stringify(value, null, 2), at any depth of a larger document: the
// CLI's JSON report is written with it, and its readers (and the golden hashes) expect exactly those bytes.
import * as assert from 'assert';
import { writeJsonBytes } from '../../src/cli/jsonBytes';
import { JsonReportStream, writeJsonReportPart } from '../../src/cli/jsonReportStream';
import { fileReport, jsonReport, lazyFileReport } from '../../src/core/report/report';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins } from './helpers';

function written(value: unknown, depth = 0): { text: string; pieces: number } {
  const pieces: Buffer[] = [];
  // The writer may hand out views of a buffer it goes on filling past them: copies, to see they are not touched.
  const views: Uint8Array[] = [];
  writeJsonBytes(value, (p) => (views.push(p), pieces.push(Buffer.from(p))), depth);
  views.forEach((v, i) => assert.ok(Buffer.from(v).equals(pieces[i]), `piece ${i} changed after it was handed out`));
  return { text: Buffer.concat(pieces).toString('utf8'), pieces: pieces.length };
}

class WithToJson {
  constructor(private readonly v: unknown) {}
  toJSON(key: string): unknown {
    return { key, v: this.v };
  }
}

const awkward = {
  s: 'quote " backslash \\ tab \t newline \n lone \ud800 pair \ud83d\ude00 line sep \u2028 nul \u0000 del \u007f',
  plain: ['ascii', 'curly “quoted” – dash', 'é', '日本', '', 'tail\ud83d'],
  n: [0, -0, 1, 9, 10, 99, 100, 2147483647, 2147483648, -1, 1.5, -2e-7, 1e21, NaN, Infinity, -Infinity],
  b: [true, false, null],
  skipped: undefined,
  f: () => 1,
  sym: Symbol('y'),
  inArray: [undefined, () => 1, Symbol('x')],
  empty: { a: [], o: {}, onlyUndefined: { u: undefined } },
  date: new Date(Date.UTC(2023, 4, 19)),
  toJson: [new WithToJson(1), { k: new WithToJson([new WithToJson('deep')]) }],
  toUndefined: { toJSON: (): undefined => undefined },
  boxed: [Object(1), Object('x'), Object(true)],
  nested: [[[1, [2, []]], {}], [{ deep: [{ deeper: ['x'] }] }]],
  '0': 'integer key first',
  'key "quoted"\n': 1,
  'ключ': 'non-ASCII key',
};

describe('writeJsonBytes', () => {
  it('writes the UTF-8 of JSON.stringify(value, null, 2), awkward values included', () => {
    assert.strictEqual(written(awkward).text, JSON.stringify(awkward, null, 2));
    for (const v of [[], {}, 'x', 'é', 3, -0, null, true, [1], [[]], [{}], { a: [] }, new Date(0), [undefined]]) assert.strictEqual(written(v).text, JSON.stringify(v, null, 2), JSON.stringify(v));
  });

  it('throws where JSON.stringify writes nothing or throws', () => {
    assert.throws(() => written(undefined));
    assert.throws(() => written({ big: BigInt(1) }));
  });

  it('writes more than a buffer in several pieces, with the same bytes', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({ start: i, end: i + 1, text: `word ${i} “quoted” ${'x'.repeat(i % 50)}`, topics: i % 3 ? ['trade'] : [], u: undefined }));
    const value = { files: [{ path: 'p', rows }], tail: rows.slice(0, 3), long: 'é'.repeat(3 << 20) };
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

  it('streams a report, lazy or whole, part by part with jsonReport\'s bytes', () => {
    const compiled = compiledBuiltins();
    const texts = [
      'date 2023-05-19 The two leaders agreed to expand cooperation.\n\nThey discussed Ukraine.',
      'date 2024-01-02 Nothing.',
      'date 2023-05-19 The two leaders agreed to expand cooperation on Ukraine — “at once”.\n\nThey discussed ' + 'Trade with the EU and NATO grew. '.repeat(300),
    ];
    const analyses = texts.map((t) => analyze(t, compiled));
    const whole = analyses.map((a, i) => fileReport(`r${i}.readout`, a));
    const lazy = analyses.map((a, i) => lazyFileReport(`r${i}.readout`, a));
    assert.ok(whole[2].sentences.length > 256 && whole[2].entities.length > 256, 'rows enough for several runs');
    for (const n of [0, 1, 3]) {
      for (const files of [whole.slice(0, n), lazy.slice(0, n)]) {
        const chunks: Buffer[] = [];
        const stream = new JsonReportStream((c) => chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)));
        for (const r of files) writeJsonReportPart(r, stream.part());
        stream.end();
        assert.strictEqual(Buffer.concat(chunks).toString('utf8'), jsonReport(whole.slice(0, n)));
      }
    }
  });
});
