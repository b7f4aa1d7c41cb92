// Bad input to the readout format (issue "bad input and faults"): front matter that used to take quadratic time,
// CR-only line endings, and the size-limit cut in a CRLF file. Each case failed before its fix.
import * as assert from 'assert';
import { analyze } from '../../src/core/pipeline/analyze';
import { MAX_FRONT_MATTER_LENGTH } from '../../src/core/readout/header';
import { compiledBuiltins, parseReadout } from './helpers';

/** Front matter of `n` distinct keys (and `dup` as a repeated key when given) before one sentence. */
function frontMatter(n: number, dup?: string): string {
  const lines = ['---'];
  for (let i = 0; i < n; i++) lines.push(`key${i}: value ${i}`);
  if (dup) lines.push(`${dup}: once`, `${dup}: twice`);
  lines.push('title: A call', '---', 'The leaders agreed to meet again.');
  return lines.join('\n');
}

describe('readout format: bad input', () => {
  it('reads front matter of 10,000 keys in linear time (yaml\'s own duplicate check is pairwise)', () => {
    // Measured, not timed: the figure is printed; the assertion is on what is read.
    const small = frontMatter(1_000);
    const large = frontMatter(10_000);
    const t0 = performance.now();
    parseReadout(small);
    const t1 = performance.now();
    const r = parseReadout(large);
    const t2 = performance.now();
    console.log(`      1,000 keys ${(t1 - t0).toFixed(0)} ms, 10,000 keys ${(t2 - t1).toFixed(0)} ms`);
    assert.strictEqual(r.header.title, 'A call');
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders agreed to meet again.']);
  });

  it('still reports a duplicate key, with its position, at any depth', () => {
    const text = frontMatter(3, 'note');
    const r = parseReadout(text);
    const dup = r.problems.filter((p) => p.code === 'front-matter-yaml');
    assert.strictEqual(dup.length, 1, JSON.stringify(r.problems));
    assert.strictEqual(text.slice(dup[0].start, dup[0].end), 'note');
    assert.strictEqual(dup[0].start, text.indexOf('note: twice'));
    const nested = parseReadout('---\nparticipants:\n  a: 1\n  a: 2\n---\nText.');
    assert.strictEqual(nested.problems.filter((p) => p.code === 'front-matter-yaml').length, 1);
  });

  it('does not parse front matter over the size limit, says so, and reads the text after it', () => {
    const text = `---\nnote: "${'x'.repeat(MAX_FRONT_MATTER_LENGTH)}"\n---\nThe leaders agreed to meet again.`;
    const r = parseReadout(text);
    assert.deepStrictEqual(r.problems.map((p) => p.code), ['front-matter-size']);
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders agreed to meet again.']);
  });

  it('reads front matter with CR-only line endings (no false YAML error, nothing lost)', () => {
    const r = parseReadout('---\rtitle: A call\rdate: 2024-01-02\r---\rThe leaders agreed to meet.\r\rThey will talk again.');
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.header.title, 'A call');
    assert.strictEqual(r.header.date, '2024-01-02');
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders agreed to meet.', 'They will talk again.']);
    assert.strictEqual(r.paragraphs.length, 2);
  });

  for (const [style, br] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`cuts a ${style} file at the size limit at a paragraph break, not mid-sentence`, () => {
      const paragraph = 'The leaders agreed to deepen cooperation on energy security and critical minerals.';
      const text = `date 2024-01-02${br}${br}${Array.from({ length: 40 }, () => paragraph).join(br + br)}`;
      const limit = Math.floor(text.length / 2) + 7;
      const a = analyze(text, compiledBuiltins(), { maxLength: limit });
      assert.ok(a.truncated);
      assert.ok(a.analyzedLength <= limit);
      const last = a.readout.sentences[a.readout.sentences.length - 1];
      assert.strictEqual(last.text, paragraph, 'the last sentence analysed is whole');
    });
  }
});
