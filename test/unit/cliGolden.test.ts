// The CLI's JSON for every readout under ../shared/samples (the seed, corpus/ and the 1,232 wh-readouts),
// hashed per file and compared with test/fixtures/cli-golden/samples.sha256.json. The texts are read at run
// time and never copied here. A difference is a change of behaviour: a bug, unless the change is meant, in
// which case the hashes are rewritten on purpose with `UPDATE_CLI_GOLDEN=1 npx mocha out/test/unit/cliGolden.test.js`
// and the diff of the analyses is reviewed.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { compiledBuiltins, repoRoot, sharedRoot } from './helpers';

const samples = path.join(sharedRoot, 'samples');
const goldenFile = path.join(repoRoot, 'test', 'fixtures', 'cli-golden', 'samples.sha256.json');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const fullGoldenFile = path.join(repoRoot, 'test', 'fixtures', 'cli-golden', 'samples.analysis.sha256.json');

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/** Every readout file under the samples, relative to it, in a stable order. */
function sampleFiles(dir = samples, rel = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sampleFiles(path.join(dir, e.name), rel + e.name + '/') : /\.(readout|txt)$/.test(e.name) ? [rel + e.name] : []));
}

/** Runs the built CLI over the samples (json format) and hashes each file's report. */
function hashesNow(): Record<string, string> {
  const out = execFileSync(process.execPath, [cli, 'analyze', '--format', 'json', '--ext', '.txt', '--jobs', '2', '.'], {
    cwd: samples,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const doc = JSON.parse(out) as { files: { path: string }[] };
  const hashes: Record<string, string> = {};
  for (const f of doc.files) hashes[f.path] = sha(JSON.stringify(f));
  return hashes;
}

/** The whole Analysis (evidence, spans, cards' inputs: more than the CLI prints), hashed per file. */
function analysisHashesNow(): Record<string, string> {
  const compiled = compiledBuiltins();
  const hashes: Record<string, string> = {};
  for (const rel of sampleFiles()) hashes[rel] = sha(JSON.stringify(analyze(fs.readFileSync(path.join(samples, rel), 'utf8'), compiled)));
  return hashes;
}

function compareWithGolden(file: string, now: Record<string, string>): void {
  if (process.env.UPDATE_CLI_GOLDEN === '1') {
    fs.writeFileSync(file, JSON.stringify(now, null, 1) + '\n');
    console.log(`      wrote ${Object.keys(now).length} hashes to ${path.basename(file)}`);
    return;
  }
  const golden = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  const changed = Object.keys(golden).filter((p) => now[p] !== golden[p]);
  const added = Object.keys(now).filter((p) => !(p in golden));
  console.log(`      ${Object.keys(now).length} files hashed; ${changed.length} changed, ${added.length} new`);
  assert.deepStrictEqual({ changed: changed.slice(0, 20), added: added.slice(0, 20) }, { changed: [], added: [] });
}

describe('CLI JSON golden hashes over ../shared/samples', function () {
  this.timeout(120_000);
  it('every readout analyses exactly as recorded', function () {
    if (!fs.existsSync(samples)) {
      console.log('      (skipped: ../shared/samples is absent)');
      this.skip();
    }
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run the build first');
    compareWithGolden(goldenFile, hashesNow());
  });
  it('every readout\'s whole Analysis is as recorded', function () {
    if (!fs.existsSync(samples)) this.skip();
    compareWithGolden(fullGoldenFile, analysisHashesNow());
  });
});
