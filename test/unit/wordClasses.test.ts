// Word classes as data (lexicons/word-classes.yaml): a bad entry is reported at its line and the built-in class
// stays; a user's word added to a class changes what the policy rules read; the built-ins resolve entity ids.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { WORD_CLASS_IDS, compileCueWords, wordListsOf } from '../../src/core/cues';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../../src/core/lexicon/files';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { readRepoFile, repoRoot } from './helpers';

function builtIns(): LexiconFile[] {
  return BUILTIN_LEXICON_FILES.map((file) => ({ file, text: fs.readFileSync(path.join(repoRoot, 'lexicons', file), 'utf8') }));
}

describe('word classes', () => {
  it('the built-in file loads without errors, and third parties resolve their entity ids', () => {
    const { lexicon, errors } = loadLexiconFiles(builtIns());
    assert.deepStrictEqual(errors, []);
    const words = compileCueWords(wordListsOf(lexicon.wordClasses, lexicon.entities));
    for (const w of ['un', 'u.n.', 'iaea', 'wto', 'experts']) assert.ok(words.thirdParties.has(w), w);
    assert.ok(words.thirdPartyPhrases.get('nations')?.has('united'));
    assert.ok(words.reportingParticles.get('clear')?.has('made'));
    assert.ok(words.abbreviations.has('mr'));
  });

  it('a malformed entry is a typed error at its line, and the built-in class stays', () => {
    const user = { file: 'user.yaml', text: ['word-classes:', '  - id: adverbs', '    words: jointly', '  - id: adverbz', '    words: [x]'].join('\n') };
    const { lexicon, errors } = loadLexiconFiles([...builtIns(), user]);
    const mine = errors.filter((e) => e.file === 'user.yaml');
    assert.strictEqual(mine.length, 2, JSON.stringify(mine));
    assert.ok(mine.every((e) => e.code === 'bad-value'));
    assert.deepStrictEqual(
      mine.map((e) => e.line),
      [2, 3],
    );
    const words = compileCueWords(wordListsOf(lexicon.wordClasses, lexicon.entities));
    assert.ok(words.adverbs.has('further'));
  });

  it('an unknown entity id is reported at its entry', () => {
    const user = { file: 'user.yaml', text: ['word-classes:', '  - id: third-parties', '    entities: [no-such-body]'].join('\n') };
    const { errors } = loadLexiconFiles([...builtIns(), user]);
    const e = errors.find((x) => x.file === 'user.yaml');
    assert.ok(e && e.code === 'bad-value' && e.line === 1 && /no-such-body/.test(e.message), JSON.stringify(errors));
  });

  it("a user's word added to a class changes the analysis", () => {
    const text = 'date 2024-01-01\n\nThe coalition will provide support to the region.\n';
    const base = compileLexicon(loadLexiconFiles(builtIns()).lexicon);
    assert.deepStrictEqual(analyze(text, base).cues, []);
    const user = { file: 'user.yaml', text: ['word-classes:', '  - id: party-nouns', '    words: [coalition]'].join('\n') };
    const { lexicon, errors } = loadLexiconFiles([...builtIns(), user]);
    assert.deepStrictEqual(errors, []);
    const cues = analyze(text, compileLexicon(lexicon)).cues;
    assert.deepStrictEqual(
      cues.map((c) => [c.text, c.strength, c.actor]),
      [['will', 'firm', 'the coalition']],
    );
  });
});

describe('word classes: the schema and the code agree', () => {
  it('lexicon.schema.json allows exactly the class ids the rules and the sentence splitter read', () => {
    const schema = JSON.parse(readRepoFile('lexicons/lexicon.schema.json')) as unknown;
    // The enum of class ids is the one that lists "modals".
    const enums: string[][] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const rec = node as Record<string, unknown>;
        if (Array.isArray(rec.enum) && rec.enum.includes('modals')) enums.push(rec.enum as string[]);
        Object.values(rec).forEach(walk);
      }
    };
    walk(schema);
    assert.strictEqual(enums.length, 1);
    assert.deepStrictEqual([...enums[0]].sort(), [...WORD_CLASS_IDS].sort());
  });
});
