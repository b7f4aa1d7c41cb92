// `node scripts/devset-select.mjs [--extend N]`: the development set's fixed order, and its next batch.
// Readouts of ../shared/samples/wh-readouts/ are ordered by the SHA-1 of their file names, an order no one chose by
// reading. A batch takes the next readouts of 300–2,600 characters whose file name, after its first "-with-", names a
// foreign counterpart's office; every fourth of a batch is blind. Without --extend the script checks that
// selection.json's batches after the first (which also took domestic readouts) follow this rule; with --extend N it
// appends the next N readouts to selection.json, before anyone labels or reads them.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.resolve(root, '../shared/samples');
const selectionPath = path.join(root, 'test/fixtures/devset/selection.json');
const FIRST_BATCH = 96;
const OFFICE = /(?:^|-)(?:president|president-elect|prime-minister|chancellor|king|minister|secretary-general|director-general)(?:-|$)/;

const selection = JSON.parse(fs.readFileSync(selectionPath, 'utf8'));
const chosen = new Set(selection.map((s) => s.file));
const sha1 = (name) => crypto.createHash('sha1').update(name).digest('hex');
const names = fs.readdirSync(path.join(samples, 'wh-readouts')).filter((f) => f.endsWith('.readout'));
const order = names.map((name) => ({ name, key: sha1(name) })).sort((a, b) => (a.key < b.key ? -1 : 1)).map((e) => e.name);
const charsOf = (name) => fs.readFileSync(path.join(samples, 'wh-readouts', name), 'utf8').length;
const eligible = (name) => {
  const chars = charsOf(name);
  const at = name.indexOf('-with-');
  return chars >= 300 && chars <= 2600 && at >= 0 && OFFICE.test(name.slice(at + 6));
};

// The later batches, read back: from where the second batch starts, every eligible readout up to the last one chosen
// must be in the selection, in order.
const later = selection.slice(FIRST_BATCH).map((s) => s.file);
const positions = later.map((file) => order.indexOf(path.basename(file)));
const start = Math.min(...positions);
const last = Math.max(...positions);
const expected = order.slice(start, last + 1).filter((name) => eligible(name) || chosen.has(`wh-readouts/${name}`))
  .map((name) => `wh-readouts/${name}`);
const differs = expected.filter((file, i) => later[i] !== file);
if (differs.length > 0 || expected.length !== later.length) {
  console.error(`selection.json's later batches do not follow the rule (first difference: ${differs[0] ?? 'length'})`);
  process.exit(1);
}
const extend = process.argv.indexOf('--extend');
if (extend < 0) {
  console.log(`selection.json: ${selection.length} readouts; the ${later.length} after the first batch follow the rule`);
  process.exit(0);
}
const count = Number(process.argv[extend + 1]);
const next = order.slice(last + 1).filter((name) => eligible(name) && !chosen.has(`wh-readouts/${name}`)).slice(0, count);
next.forEach((name, i) => selection.push({ file: `wh-readouts/${name}`, split: i % 4 === 3 ? 'blind' : 'dev', chars: charsOf(name) }));
// The file's own layout: one entry a block, its fields two spaces in.
const entry = (s) => ` {\n${Object.entries(s).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n }`;
fs.writeFileSync(selectionPath, `[\n${selection.map(entry).join(',\n')}\n]\n`);
console.log(`selection.json: ${next.length} readouts appended (${next.filter((_, i) => i % 4 === 3).length} blind)`);
