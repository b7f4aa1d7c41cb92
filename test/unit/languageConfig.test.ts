// Checks what a reader feels in the editor: which runs of text count as one word (double-click, word
// navigation), how quotes auto-close, and that every drafting snippet says which cue strength it produces.
import * as assert from 'assert';
import { readRepoFile } from './helpers';

interface RegExpSource {
  pattern: string;
  flags?: string;
}

interface AutoClosingPair {
  open: string;
  close: string;
  notIn?: string[];
}

interface LanguageConfiguration {
  comments?: { lineComment?: string; blockComment?: [string, string] };
  autoClosingPairs?: AutoClosingPair[];
  surroundingPairs?: [string, string][];
  wordPattern?: string | RegExpSource;
}

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const config = JSON.parse(readRepoFile('language-configuration.json')) as LanguageConfiguration;

/** The word pattern compiled the way VS Code does: the given flags, made global. */
function wordRegExp(): RegExp {
  const wp = config.wordPattern;
  assert.ok(wp, 'language-configuration.json has a wordPattern');
  const source = typeof wp === 'string' ? wp : wp.pattern;
  const flags = typeof wp === 'string' ? '' : (wp.flags ?? '');
  return new RegExp(source, flags.includes('g') ? flags : flags + 'g');
}

function words(text: string): string[] {
  return text.match(wordRegExp()) ?? [];
}

/** The word under a character offset, as double-click would select it. */
function wordAt(text: string, offset: number): string | undefined {
  const re = wordRegExp();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
  }
  return undefined;
}

describe('language-configuration.json', () => {
  describe('wordPattern', () => {
    const singleWords = [
      'U.S.',
      'U.K.',
      'U.S.A.',
      'Japan-US',
      'Japan-U.S.',
      'U.S.-China',
      'Indo-Pacific',
      'cross-Strait',
      'G7',
      'G20',
      '2+2',
      'P5+1',
      'COVID-19',
      'AT&T',
      '2023-05-19',
      '1,000',
      '3.5%',
      '77th',
      "O'Brien",
      'Côte',
      'Türkiye',
    ];
    for (const w of singleWords) {
      it(`keeps "${w}" as one word`, () => {
        assert.deepStrictEqual(words(`the ${w} and`), ['the', w, 'and']);
      });
    }

    it('keeps abbreviations whole inside a sentence', () => {
      assert.deepStrictEqual(words('The U.S. and Japan-US ties in the Indo-Pacific, at the G7.'), [
        'The',
        'U.S.',
        'and',
        'Japan-US',
        'ties',
        'in',
        'the',
        'Indo-Pacific',
        'at',
        'the',
        'G7',
      ]);
    });

    it('leaves a possessive \'s out of the word (straight and curly apostrophe)', () => {
      const straight = "Kishida conveyed Japan's views";
      assert.strictEqual(wordAt(straight, straight.indexOf('Japan')), 'Japan');
      const curly = 'Kishida conveyed Japan\u2019s views';
      assert.strictEqual(wordAt(curly, curly.indexOf('Japan')), 'Japan');
      assert.strictEqual(wordAt("the G7's solidarity", 4), 'G7');
    });

    it("leaves a plural possessive apostrophe out (the leaders')", () => {
      assert.deepStrictEqual(words("the leaders' statement"), ['the', 'leaders', 'statement']);
    });

    it('leaves sentence punctuation, quotes and brackets out of words', () => {
      assert.deepStrictEqual(words('in Japan.'), ['in', 'Japan']);
      assert.deepStrictEqual(words('(IPEF)'), ['IPEF']);
      assert.deepStrictEqual(words('\u201cGlobal South.\u201d'), ['Global', 'South']);
      assert.deepStrictEqual(words('"Global South,"'), ['Global', 'South']);
    });

    it('does not join words across a dash used as punctuation or a dangling hyphen', () => {
      assert.deepStrictEqual(words('pre- and post-war'), ['pre', 'and', 'post-war']);
      assert.deepStrictEqual(words('2022\u20132023'), ['2022', '2023']);
    });
  });

  it('uses "//" for analyst notes (Toggle Line Comment)', () => {
    assert.strictEqual(config.comments?.lineComment, '//');
    assert.strictEqual(config.comments?.blockComment, undefined);
  });

  it("auto-closes double and curly quotes but never the straight apostrophe '", () => {
    const pairs = config.autoClosingPairs ?? [];
    const opens = pairs.map((p) => p.open);
    assert.ok(opens.includes('"'), 'straight double quote auto-closes');
    assert.ok(opens.includes('\u201c'), 'curly double quote auto-closes');
    assert.ok(opens.includes('\u2018'), 'curly single quote auto-closes');
    assert.ok(!opens.includes("'"), "straight ' is not auto-closed: it is an apostrophe far more often than a quote");
    const straight = pairs.find((p) => p.open === '"');
    assert.deepStrictEqual(straight?.notIn, ['string']);
    assert.strictEqual(pairs.find((p) => p.open === '\u201c')?.close, '\u201d');
    assert.strictEqual(pairs.find((p) => p.open === '\u2018')?.close, '\u2019');
  });

  it('can still surround a selection with any quote, the straight apostrophe included', () => {
    const surround = (config.surroundingPairs ?? []).map(([open, close]) => open + close);
    for (const pair of ['""', '\u201c\u201d', '\u2018\u2019', "''", '()', '[]']) {
      assert.ok(surround.includes(pair), `surroundingPairs has ${pair}`);
    }
  });
});

/** The text a snippet inserts when every placeholder keeps its default and every choice its first option. */
function expandDefaults(body: string): string {
  let text = body;
  for (let prev = ''; prev !== text; ) {
    prev = text;
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\d+/g, '');
  }
  return text;
}

describe('snippets/readout.json', () => {
  const snippets = JSON.parse(readRepoFile('snippets/readout.json')) as Record<string, Snippet>;
  const entries = Object.entries(snippets);

  it('holds the two headers and the drafting constructions', () => {
    const headers = entries.filter(([, s]) => s.description.startsWith('Header:'));
    assert.strictEqual(headers.length, 2);
    assert.ok(entries.length >= 18, `expected at least 18 snippets, found ${entries.length}`);
  });

  for (const [name, s] of entries) {
    describe(name, () => {
      it('has a prefix, a body and a description', () => {
        const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
        assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0));
        const body = Array.isArray(s.body) ? s.body : [s.body];
        assert.ok(body.length > 0 && body.every((b) => typeof b === 'string'));
        assert.ok(/\$\{?\d/.test(body.join('\n')), 'body has at least one tab stop');
        assert.strictEqual(typeof s.description, 'string');
      });

      if (s.description.startsWith('Header:')) {
        it('fills the date from the current date', () => {
          const body = (Array.isArray(s.body) ? s.body : [s.body]).join('\n');
          assert.ok(body.includes('$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE'));
        });
        return;
      }

      it('says whether it produces a firm or a hedged cue, and agrees with its name', () => {
        const m = /^Produces a (firm|hedged) cue: \S/.exec(s.description);
        assert.ok(m, `description must start "Produces a firm cue:" or "Produces a hedged cue:": ${s.description}`);
        const strength = m[1];
        assert.ok(name.toLowerCase().startsWith(strength + ':'), `name "${name}" starts with its strength`);
        const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
        assert.ok(prefixes.every((p) => p.startsWith(strength + '-')), 'prefixes start with the strength');
      });

      it('writes the cue its description names when expanded with its defaults', () => {
        const cue = /"([^"]+)"/.exec(s.description)?.[1];
        assert.ok(cue, 'description quotes the cue');
        const text = expandDefaults((Array.isArray(s.body) ? s.body : [s.body]).join('\n'));
        const bareCue = cue.replace(/ \+ .*$/, '');
        assert.ok(text.includes(bareCue), `"${text}" writes "${bareCue}"`);
        assert.ok(!/[${}|]/.test(text), `no snippet syntax left in "${text}"`);
      });
    });
  }
});
