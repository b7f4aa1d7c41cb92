// Readout format: headers, comments, paragraphs and sentence splitting with exact UTF-16 offsets.
import * as assert from 'assert';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../../src/core/lexicon/files';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { parseReadout, readRepoFile } from './helpers';

function sentencesOf(text: string): string[] {
  return parseReadout(text).sentences.map((s) => s.text);
}

describe('parseReadout', () => {
  describe('sentence splitting', () => {
    it('does not split after U.S., U.K. or U.N. inside a sentence', () => {
      assert.deepStrictEqual(sentencesOf('The U.S. President met the U.K. Prime Minister at the U.N. General Assembly. They spoke.'), [
        'The U.S. President met the U.K. Prime Minister at the U.N. General Assembly.',
        'They spoke.',
      ]);
    });
    it('splits after U.S. when a new sentence starts', () => {
      assert.deepStrictEqual(sentencesOf('He thanked the people of the U.S. Furthermore, he spoke.'), ['He thanked the people of the U.S.', 'Furthermore, he spoke.']);
    });
    it('keeps titles Mr., Mrs., Ms., Dr., Gen., St. with the name', () => {
      assert.deepStrictEqual(sentencesOf('Mr. Kishida met Mrs. Smith, Ms. Lee, Dr. Ito and Gen. Brown at St. James Palace. It was brief.'), [
        'Mr. Kishida met Mrs. Smith, Ms. Lee, Dr. Ito and Gen. Brown at St. James Palace.',
        'It was brief.',
      ]);
    });
    it('keeps Jr. and No. inside a sentence', () => {
      assert.deepStrictEqual(sentencesOf('Joseph R. Biden, Jr. spoke under Order No. 4 today. The call ended.'), [
        'Joseph R. Biden, Jr. spoke under Order No. 4 today.',
        'The call ended.',
      ]);
    });
    it('keeps month abbreviations before a day', () => {
      assert.deepStrictEqual(sentencesOf('They met on Jan. 5 and again on Sept. 14. Talks continue.'), ['They met on Jan. 5 and again on Sept. 14.', 'Talks continue.']);
    });
    it('keeps single-letter initials', () => {
      assert.deepStrictEqual(sentencesOf('The library of John F. Kennedy hosted them. They left.'), ['The library of John F. Kennedy hosted them.', 'They left.']);
    });
    it('keeps decimals', () => {
      assert.deepStrictEqual(sentencesOf('Growth reached 2.5 percent. Both sides agreed.'), ['Growth reached 2.5 percent.', 'Both sides agreed.']);
    });
    it('splits after a closing straight quote', () => {
      assert.deepStrictEqual(sentencesOf('"We will stand together." The two leaders then left.'), ['"We will stand together."', 'The two leaders then left.']);
    });
    it('splits after closing curly quotes', () => {
      assert.deepStrictEqual(sentencesOf('\u201cWe will stand together.\u201d The leaders left. \u2018It is done.\u2019 They agreed.'), [
        '\u201cWe will stand together.\u201d',
        'The leaders left.',
        '\u2018It is done.\u2019',
        'They agreed.',
      ]);
    });
    it('does not split when a quotation continues the sentence', () => {
      assert.deepStrictEqual(sentencesOf('"We agree," the statement said. It ended.'), ['"We agree," the statement said.', 'It ended.']);
    });
    it('handles parentheses', () => {
      assert.deepStrictEqual(sentencesOf('They discussed the IPEF (Indo-Pacific Economic Framework). (It was the first time.) Then they left.'), [
        'They discussed the IPEF (Indo-Pacific Economic Framework).',
        '(It was the first time.)',
        'Then they left.',
      ]);
    });
    it('keeps list numbering with its item', () => {
      assert.deepStrictEqual(sentencesOf('1. At the outset, he spoke. He also listened.\n2. In response, she agreed.'), [
        '1. At the outset, he spoke.',
        'He also listened.',
        '2. In response, she agreed.',
      ]);
    });
    it('starts a new sentence at (a) list items on new lines', () => {
      assert.deepStrictEqual(sentencesOf('The sides will:\n(a) meet in May;\n(b) report in June.'), ['The sides will:', '(a) meet in May;', '(b) report in June.']);
    });
    it('splits an ellipsis only before a capitalised sentence', () => {
      assert.deepStrictEqual(sentencesOf('They waited... and waited\u2026 then spoke... The end came.'), ['They waited... and waited\u2026 then spoke...', 'The end came.']);
    });
    it('splits on ! and ?', () => {
      assert.deepStrictEqual(sentencesOf('Is it done? Yes! It is.'), ['Is it done?', 'Yes!', 'It is.']);
    });
    it('gives spans without surrounding whitespace and matching the text', () => {
      const text = '  First one.   Second one.  \n\n   Third.  ';
      const r = parseReadout(text);
      for (const s of r.sentences) assert.strictEqual(text.slice(s.start, s.end), s.text);
      assert.deepStrictEqual(r.sentences.map((s) => s.text), ['First one.', 'Second one.', 'Third.']);
    });
  });

  it('gives the same sentences for CRLF and LF, offsets apart', () => {
    const lf = 'The leaders met.\nThey agreed.\n\nThe talks ended. Both left.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseReadout(lf);
    const b = parseReadout(crlf);
    assert.deepStrictEqual(a.sentences.map((s) => s.text), b.sentences.map((s) => s.text));
    assert.strictEqual(a.paragraphs.length, 2);
    assert.strictEqual(b.paragraphs.length, 2);
    for (const s of b.sentences) assert.strictEqual(crlf.slice(s.start, s.end), s.text);
  });

  it('reads the seed: inline header, body and paragraphs', () => {
    const text = readRepoFile('samples/kishida-biden-2023-05-19.readout');
    const r = parseReadout(text);
    assert.strictEqual(r.header.kind, 'inline');
    assert.strictEqual(r.header.date, '2023-05-19');
    assert.ok(r.header.span);
    assert.strictEqual(text.slice(r.header.span.start, r.header.span.end), 'date 2023-05-19');
    assert.ok(text.slice(r.body.start).startsWith('Japanese Prime Minister'));
    assert.strictEqual(r.paragraphs.length, 14);
    assert.strictEqual(r.sentences.length, 22);
    assert.ok(r.sentences[0].text.startsWith('Japanese Prime Minister Fumio Kishida'));
    assert.ok(r.sentences[21].text.endsWith('in central Tokyo.'));
    assert.deepStrictEqual(r.problems, []);
  });

  it('reads good YAML front matter', () => {
    const text = '---\ntitle: Leaders call\ndate: 2024-07-05\nsource: Example ministry\ngovernment: Example\nparticipants: [A, B]\n---\nThe leaders met.';
    const r = parseReadout(text);
    assert.strictEqual(r.header.kind, 'front-matter');
    assert.strictEqual(r.header.title, 'Leaders call');
    assert.strictEqual(r.header.date, '2024-07-05');
    assert.strictEqual(r.header.source, 'Example ministry');
    assert.deepStrictEqual(r.header.participants, ['A', 'B']);
    assert.ok(r.header.span);
    assert.strictEqual(text.slice(r.header.span.end - 3, r.header.span.end), '---');
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders met.']);
    assert.deepStrictEqual(r.problems, []);
  });

  it('reports malformed front matter as a problem and never throws', () => {
    const r = parseReadout('---\ntitle: [unclosed\ndate: : :\n---\nThe leaders met.');
    assert.strictEqual(r.header.kind, 'front-matter');
    assert.ok(r.problems.some((p) => p.code === 'front-matter-yaml'));
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders met.']);
    const unclosed = parseReadout('---\ntitle: x\nThe leaders met.');
    assert.ok(unclosed.problems.some((p) => p.code === 'front-matter-unclosed'));
  });

  it('reads a corpus-style metadata block', () => {
    const text = 'source: example\ndate: 2024-01-02\ntitle: A call\n\nThe leaders met.';
    const r = parseReadout(text);
    assert.strictEqual(r.header.date, '2024-01-02');
    assert.strictEqual(r.header.title, 'A call');
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders met.']);
  });

  it('keeps analyst-note comments out of sentences', () => {
    const text = 'The leaders met.\n  // check the date\nThey agreed.';
    const r = parseReadout(text);
    assert.deepStrictEqual(r.comments.map((c) => c.text), ['// check the date']);
    assert.deepStrictEqual(r.sentences.map((s) => s.text), ['The leaders met.', 'They agreed.']);
  });

  it('never throws on odd input and stays fast', () => {
    const odd = ['', '\u0000\u0000', '.'.repeat(10000), '?!'.repeat(5000), 'a. '.repeat(5000), '\ud800\udfff\u2028\u2029', '---', '---\n', 'date 2023-99-99 x', '"'.repeat(3000)];
    for (const t of odd) parseReadout(t);
    let s = 1;
    const parts: string[] = [];
    for (let i = 0; i < 200000; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      parts.push(String.fromCharCode(s % 0x3000));
    }
    parseReadout(parts.join(''));
    const text = readRepoFile('samples/kishida-biden-2023-05-19.readout').repeat(2000);
    const t0 = Date.now();
    parseReadout(text);
    const ms = Date.now() - t0;
    console.log(`      parseReadout: ${(text.length / 1e6).toFixed(1)} M units in ${ms} ms`);
  });
});

describe('parseReadout reads its abbreviations from the lexicon', () => {
  it('a title added to title-abbreviations no longer ends a sentence', () => {
    const text = 'They met Amb. Tanaka and Cllr. Jones in Tokyo. The talks went well.';
    const builtIn = analyzeSentences(text, compileLexicon(loadLexiconFiles(builtinFiles()).lexicon));
    assert.deepStrictEqual(builtIn, ['They met Amb. Tanaka and Cllr.', 'Jones in Tokyo.', 'The talks went well.']);
    const user = { file: 'user.yaml', text: 'word-classes:\n  - id: title-abbreviations\n    words: [cllr]\n' };
    const loaded = loadLexiconFiles([user], loadLexiconFiles(builtinFiles()).lexicon);
    assert.deepStrictEqual(loaded.errors, []);
    assert.deepStrictEqual(analyzeSentences(text, compileLexicon(loaded.lexicon)), ['They met Amb. Tanaka and Cllr. Jones in Tokyo.', 'The talks went well.']);
  });
});

function builtinFiles(): LexiconFile[] {
  return BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }));
}

function analyzeSentences(text: string, compiled: CompiledLexicon): string[] {
  return analyze(text, compiled).readout.sentences.map((s) => s.text);
}
