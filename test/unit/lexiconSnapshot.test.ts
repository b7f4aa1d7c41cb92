// The built-in lexicons parsed at build time (dist/lexicons.json) must give exactly what parsing the YAML
// gives, with the runtime's file names in origins, and must never be used for texts it was not made from.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../../src/core/lexicon/files';
import { builtinLexicon, fingerprint, fromSnapshot, snapshotLexicons } from '../../src/core/lexicon/snapshot';
import { compileEntities } from '../../src/core/entities/matcher';
import { compileLexicon } from '../../src/core/pipeline/compile';
import { bytesDigest, fromSnapshotBytes, lexiconTexts, snapshotLexiconBytes, type LexiconBytes } from '../../src/runtime/lexiconBytes';
import { repoRoot } from './helpers';

const named = (prefix: string): LexiconFile[] =>
  BUILTIN_LEXICON_FILES.map((file) => ({ file: prefix + file, text: fs.readFileSync(path.join(repoRoot, 'lexicons', file), 'utf8') }));

/** What fromSnapshot gives, without the matchers it carries (compared on their own below). */
const parsed = (r: ReturnType<typeof fromSnapshot>) => r && { lexicon: r.lexicon, errors: r.errors };

describe('built-in lexicon snapshot', () => {
  it('gives what parsing the YAML gives, origins named as the caller names the files', () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotLexicons(named(''))));
    const files = named('file:///ext/lexicons/');
    assert.deepStrictEqual(parsed(fromSnapshot(snapshot, files)), loadLexiconFiles(files));
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

  it('is checked by the files\' bytes where the build digested them, by the texts otherwise, and gives the same lexicon', function () {
    if (bytesDigest(new Uint8Array()) === undefined) this.skip(); // a Node without zlib.crc32: only the texts are checked
    const bytes = (prefix: string): LexiconBytes[] =>
      BUILTIN_LEXICON_FILES.map((file) => ({ file: prefix + file, bytes: fs.readFileSync(path.join(repoRoot, 'lexicons', file)) }));
    const made = (): unknown => JSON.parse(JSON.stringify(snapshotLexiconBytes(bytes(''))));
    const files = bytes('/ext/lexicons/');
    assert.deepStrictEqual(parsed(fromSnapshotBytes(made(), files)), loadLexiconFiles(lexiconTexts(files)));
    assert.deepStrictEqual(lexiconTexts(files), named('/ext/lexicons/'), 'the texts as readFileSync(file, "utf8") reads them');
    // One byte changed, one byte more, or a file left out: not the files it was made from.
    const changed = bytes('');
    const ipef = changed[1].bytes.indexOf('IPEF');
    changed[1] = { ...changed[1], bytes: Buffer.concat([changed[1].bytes.subarray(0, ipef), Buffer.from('IPEX'), changed[1].bytes.subarray(ipef + 4)]) };
    assert.strictEqual(fromSnapshotBytes(made(), changed), undefined);
    const longer = bytes('');
    longer[0] = { ...longer[0], bytes: Buffer.concat([longer[0].bytes, Buffer.from(' ')]) };
    assert.strictEqual(fromSnapshotBytes(made(), longer), undefined);
    assert.strictEqual(fromSnapshotBytes(made(), bytes('').slice(1)), undefined);
    // A snapshot without digests (an older build) cannot be checked by bytes; its texts' fingerprints still serve.
    const older = made() as { sources: { bytes?: string }[] };
    for (const source of older.sources) delete source.bytes;
    assert.strictEqual(fromSnapshotBytes(older, files), undefined);
    assert.ok(fromSnapshot(older, lexiconTexts(files)));
    for (const junk of [undefined, null, 42, {}, { version: 2 }, { ...(made() as object), sources: [null] }]) assert.strictEqual(fromSnapshotBytes(junk, files), undefined);
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
    assert.deepStrictEqual(parsed(fromSnapshot(JSON.parse(fs.readFileSync(built, 'utf8')), files)), loadLexiconFiles(files), 'run `node esbuild.js` after editing lexicons/*.yaml');
  });

  it("carries the built-ins' entity matcher, which compileLexicon takes for exactly those entries", () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotLexicons(named(''))));
    const base = builtinLexicon(snapshot, named(''));
    assert.ok(base.prebuilt.entities, 'the snapshot holds the entity matcher');
    const fresh = compileEntities(base.lexicon.entities);
    assert.deepStrictEqual(compileLexicon(base.lexicon, base.prebuilt).entities, fresh);
    // A user's lexicon over the built-ins (here one entry more, merged as the CLI and the extension merge it) is
    // compiled: the prebuilt matcher would not know the new name.
    const user = { file: 'user.yaml', text: 'entities:\n  - id: zz-new-body\n    name: Zedland Forum\n    type: forum\n    definition: A forum of the test.\n' };
    const merged = loadLexiconFiles([user], base.lexicon).lexicon;
    const compiled = compileLexicon(merged, base.prebuilt).entities;
    assert.deepStrictEqual(compiled, compileEntities(merged.entities));
    assert.ok(compiled.byId.has('zz-new-body'));
    // No user files: the merged entries are the built-ins' own objects, and the prebuilt matcher serves them.
    const alone = loadLexiconFiles([], base.lexicon).lexicon;
    assert.deepStrictEqual(compileLexicon(alone, base.prebuilt).entities, fresh);
  });

  it('parses the YAML, with no prebuilt matcher, when the snapshot is missing or stale', () => {
    const edited = named('');
    edited[1] = { ...edited[1], text: edited[1].text.replace('IPEF', 'IPEX') };
    for (const [snapshot, files] of [[undefined, named('')], [JSON.parse(JSON.stringify(snapshotLexicons(named('')))), edited]] as const) {
      const base = builtinLexicon(snapshot, [...files]);
      assert.deepStrictEqual(base, { ...loadLexiconFiles([...files]), prebuilt: {} });
    }
  });
});
