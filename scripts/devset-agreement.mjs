// `node scripts/devset-agreement.mjs [second-folder]`: how far two annotators of the development set agree.
// The first annotator's labels are test/fixtures/devset/labels/; the second's (the same format, written without
// reading the first's) are test/fixtures/devset/second/ unless a folder is given. Prints, over the readouts both
// labelled: topic agreement (same primary; and the first's primary among the second's primary and secondary — the
// measure the product is scored by), entity-mention F1 (same sentence, same text) and its type agreement, and
// labelled cue F1 (same sentence, same text, same strength). A ceiling for the product's figures, not a test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const firstDir = path.join(root, 'test/fixtures/devset/labels');
const secondDir = path.resolve(process.argv[2] ?? path.join(root, 'test/fixtures/devset/second'));

/**
 * A sentence's key: its first four words with spacing, case and curly quotes folded. The GUIDE lets a `start` be five
 * to eight words, so two annotators' starts of one sentence agree on the first four, not on their whole length.
 */
const key = (start) => start.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').toLowerCase()
  .split(/\s+/).filter(Boolean).slice(0, 4).join(' ');
const f1 = (both, a, b) => (a + b === 0 ? 1 : (2 * both) / (a + b));

const counts = { readouts: 0, sentences: 0, unmatched: 0, samePrimary: 0, primaryAmong: 0,
  entitiesFirst: 0, entitiesSecond: 0, entitiesBoth: 0, typesSame: 0,
  cuesFirst: 0, cuesSecond: 0, cuesBoth: 0 };

for (const file of fs.readdirSync(secondDir).filter((f) => f.endsWith('.json')).sort()) {
  const firstPath = path.join(firstDir, file);
  if (!fs.existsSync(firstPath)) continue;
  const first = JSON.parse(fs.readFileSync(firstPath, 'utf8'));
  const second = JSON.parse(fs.readFileSync(path.join(secondDir, file), 'utf8'));
  counts.readouts++;
  const secondBy = new Map(second.sentences.map((s) => [key(s.start), s]));
  for (const a of first.sentences) {
    counts.sentences++;
    const b = secondBy.get(key(a.start));
    // Entities and cues of a sentence the other annotator split differently count as unmatched on both sides.
    counts.entitiesFirst += a.entities.length;
    counts.cuesFirst += a.cues.length;
    if (!b) { counts.unmatched++; continue; }
    if (a.topic === b.topic) counts.samePrimary++;
    if (a.topic === b.topic || a.topic === b.secondary) counts.primaryAmong++;
    const types = new Map(b.entities.map((e) => [e.text, e.type]));
    for (const e of a.entities) {
      if (!types.has(e.text)) continue;
      counts.entitiesBoth++;
      if (types.get(e.text) === e.type) counts.typesSame++;
    }
    const cues = new Set(b.cues.map((c) => `${c.text.toLowerCase()}|${c.strength}`));
    for (const c of a.cues) if (cues.has(`${c.text.toLowerCase()}|${c.strength}`)) counts.cuesBoth++;
  }
  for (const b of second.sentences) {
    counts.entitiesSecond += b.entities.length;
    counts.cuesSecond += b.cues.length;
  }
}

const share = (n, d) => (d === 0 ? '—' : (n / d).toFixed(3));
console.log(`${counts.readouts} readouts labelled by both, ${counts.sentences} sentences of the first annotator ` +
  `(${counts.unmatched} split differently by the second)`);
console.log(`topics: same primary ${share(counts.samePrimary, counts.sentences)}, ` +
  `first's primary among the second's topics ${share(counts.primaryAmong, counts.sentences)}`);
console.log(`entities: mention F1 ${f1(counts.entitiesBoth, counts.entitiesFirst, counts.entitiesSecond).toFixed(3)} ` +
  `(${counts.entitiesFirst} / ${counts.entitiesSecond}), same type ${share(counts.typesSame, counts.entitiesBoth)}`);
console.log(`cues: labelled F1 ${f1(counts.cuesBoth, counts.cuesFirst, counts.cuesSecond).toFixed(3)} ` +
  `(${counts.cuesFirst} / ${counts.cuesSecond})`);
