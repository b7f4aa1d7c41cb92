// The built-in lexicons parsed at build time (dist/lexicons.json) must give exactly what parsing the YAML
// gives, with the runtime's file names in origins, and must never be used for texts it was not made from.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../../src/core/lexicon/files';
import { fingerprint, fromSnapshot, snapshotLexicons } from '../../src/core/lexicon/snapshot';
import { repoRoot } from './helpers';

const named = (prefix: string): LexiconFile[] =>
  BUILTIN_LEXICON_FILES.map((file) => ({ file: prefix + file, text: fs.readFileSync(path.join(repoRoot, 'lexicons', file), 'utf8') }));

describe('built-in lexicon snapshot', () => {
  it('gives what parsing the YAML gives, origins named as the caller names the files', () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotLexicons(named(''))));
    const files = named('file:///ext/lexicons/');
    assert.deepStrictEqual(fromSnapshot(snapshot, files), loadLexiconFiles(files));
    assert.ok(loadLexiconFiles(files).lexicon.entities[0].origin?.file.startsWith('file:///ext/lexicons/'));
  });

  it('is not used for a lexicon edited after it was made, nor when it is malformed', () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotLexicons(named(''))));
    const edited = named('');
    edited[1] = { ...edited[1], text: edited[1].text.replace('IPEF', 'IPEX') };
    assert.strictEqual(fromSnapshot(snapshot, edited), undefined);
    assert.strictEqual(fromSnapshot(snapshot, named('').slice(0, 2)), undefined);
    for (const junk of [undefined, null, 42, {}, { version: 2 }, { ...snapshot, sources: 'x' }]) assert.strictEqual(fromSnapshot(junk, named('')), undefined);
  });

  it('fingerprints differ for texts that differ in one character or in length', () => {
    assert.notStrictEqual(fingerprint('abc'), fingerprint('abd'));
    assert.notStrictEqual(fingerprint('abc'), fingerprint('abc '));
    assert.strictEqual(fingerprint('abc'), fingerprint('abc'));
  });

  it('dist/lexicons.json, when built, matches the lexicons in the repository', function () {
    const built = path.join(repoRoot, 'dist', 'lexicons.json');
    if (!fs.existsSync(built)) this.skip();
    const files = named('');
    assert.deepStrictEqual(fromSnapshot(JSON.parse(fs.readFileSync(built, 'utf8')), files), loadLexiconFiles(files), 'run `node esbuild.js` after editing lexicons/*.yaml');
  });
});
