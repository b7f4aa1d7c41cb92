// Trains the topic model, lexicons/topic-model.yaml: multinomial naive Bayes over a sentence's folded topic words,
// learned from the development split's labels only (test/fixtures/devset: the readouts selection.json marks "dev";
// the blind split is never read). Never edited by hand; test/unit/topicModel.test.ts fails when the committed file
// is not what this makes now.
// The words are the core's own: src/core is bundled here (esbuild, in memory) and each sentence is split by analyze()
// and read by termWords()/foldWord(), as the scorer reads a sentence at run time.
// Usage: node scripts/train-topics.mjs [--out DIR] | --cv  (--cv: five-fold cross-validation by readout on the
// development split, rules only against rules with the model, printed; nothing written)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const OUTPUT = path.join(root, 'lexicons', 'topic-model.yaml');
const DEVSET = path.join(root, 'test', 'fixtures', 'devset');
const SAMPLES = path.join(root, '..', 'shared', 'samples');
export const MODEL_FILE = 'topic-model.yaml';

/** Additive smoothing of the word counts; 0.1 over 0.03 and 0.3 in cross-validation. */
const ALPHA = 0.1;
/** The words kept: the most informative, so the file stays small (1,500 lost nothing in cross-validation). */
const KEEP = 1500;
/**
 * How far (natural log-odds) the model's best topic must lead its second before it names a secondary topic the
 * rules did not: 6 in cross-validation (4: more secondaries, fewer of them right; 8: fewer, more of them right, fewer right in all).
 */
const MARGIN = 6;
const FOLDS = 5;

let core;
/** The core's analysis and topic words, bundled from src/ so the script reads text exactly as the extension does. */
function loadCore() {
  if (core) return core;
  const { buildSync } = require('esbuild');
  const entry = [
    "export { analyze } from './src/core/pipeline/analyze';",
    "export { compileLexicon } from './src/core/pipeline/compile';",
    "export { loadLexiconFiles, BUILTIN_LEXICON_FILES } from './src/core/lexicon/files';",
    "export { termWords } from './src/core/topics/words';",
    "export { TOPIC_IDS } from './src/core/types';",
  ].join('\n');
  const out = buildSync({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  core = mod.exports;
  return core;
}

/** The rules alone: the built-in lexicons without the trained model, so training never reads its own output. */
function rulesLexicon() {
  const { compileLexicon, loadLexiconFiles, BUILTIN_LEXICON_FILES } = loadCore();
  const files = BUILTIN_LEXICON_FILES.filter((f) => f !== MODEL_FILE).map((file) => ({ file, text: fs.readFileSync(path.join(root, 'lexicons', file), 'utf8') }));
  return compileLexicon(loadLexiconFiles(files).lexicon);
}

const spaced = (s) => s.replace(/\s+/g, ' ');

/**
 * Each labelled sentence of a readout with the engine's sentence holding its start (as test/unit/devsetScoring.ts
 * finds it): its folded words, its labels and what the rules gave it.
 */
function labelledSentences(labels, text, compiled) {
  const { analyze, termWords } = loadCore();
  const analysis = analyze(text, compiled);
  let flat = '';
  const at = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += text[i];
    at.push(i);
  }
  const topicOf = new Map(analysis.topics.map((t) => [t.sentence, t]));
  const out = [];
  let from = 0;
  for (const s of labels.sentences) {
    const k = flat.indexOf(spaced(s.start), from);
    if (k < 0) continue;
    from = k + 1;
    const start = at[k];
    const sentences = analysis.readout.sentences;
    const sentence = sentences.find((x) => x.start <= start && start < x.end) ?? sentences.find((x) => x.start >= start);
    if (sentence === undefined) continue;
    const t = topicOf.get(sentence.index);
    out.push({ topic: s.topic, secondary: s.secondary, words: termWords(sentence.text).map((w) => w.folded), primary: t?.primary, ruleSecondary: t?.secondary });
  }
  return out;
}

/** The development split's readouts, each with its labelled sentences, in file order. */
function developmentSplit(devset, samples) {
  const selection = JSON.parse(fs.readFileSync(path.join(devset, 'selection.json'), 'utf8'));
  const compiled = rulesLexicon();
  const readouts = [];
  for (const s of selection.filter((x) => x.split === 'dev').sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const file = path.join(devset, 'labels', `${path.basename(s.file, '.readout')}.json`);
    if (!fs.existsSync(file)) continue;
    const labels = JSON.parse(fs.readFileSync(file, 'utf8'));
    readouts.push({ file: s.file, sentences: labelledSentences(labels, fs.readFileSync(path.join(samples, s.file), 'utf8'), compiled) });
  }
  return readouts;
}

const round = (x) => Math.round(x * 100) / 100;

/** Naive Bayes from labelled sentences: per-topic log priors, log-weights of unseen words, and the kept words'. */
export function train(sentences, topicIds) {
  const counts = new Map();
  const totals = new Map(topicIds.map((t) => [t, 0]));
  const priors = new Map(topicIds.map((t) => [t, 0]));
  const frequency = new Map();
  for (const s of sentences) {
    priors.set(s.topic, priors.get(s.topic) + 1);
    for (const w of s.words) {
      const row = counts.get(w) ?? new Map();
      row.set(s.topic, (row.get(s.topic) ?? 0) + 1);
      counts.set(w, row);
      totals.set(s.topic, totals.get(s.topic) + 1);
      frequency.set(w, (frequency.get(w) ?? 0) + 1);
    }
  }
  const seen = topicIds.filter((t) => priors.get(t) > 0);
  const vocabulary = counts.size;
  const weight = (t, n) => Math.log((n + ALPHA) / (totals.get(t) + ALPHA * vocabulary));
  // Informative: a word whose best topic stands far above its mean topic, and which is seen often.
  const ranked = [...counts.entries()].map(([w, row]) => {
    const ws = seen.map((t) => weight(t, row.get(t) ?? 0));
    const mean = ws.reduce((a, b) => a + b, 0) / ws.length;
    return { w, row, info: (Math.max(...ws) - mean) * Math.log(1 + frequency.get(w)) };
  });
  ranked.sort((a, b) => b.info - a.info || (a.w < b.w ? -1 : 1));
  const words = new Map();
  for (const { w, row } of ranked.slice(0, KEEP)) {
    words.set(w, new Map(seen.filter((t) => row.has(t)).map((t) => [t, round(weight(t, row.get(t)))])));
  }
  return {
    prior: new Map(seen.map((t) => [t, round(Math.log(priors.get(t) / sentences.length))])),
    unseen: new Map(seen.map((t) => [t, round(weight(t, 0))])),
    words,
    margin: MARGIN,
  };
}

/** The model's best topic for a sentence's words when it leads the second by the margin, else undefined. */
export function predict(model, words) {
  const scores = new Map(model.prior);
  let any = false;
  for (const w of words) {
    const row = model.words.get(w);
    if (row === undefined) continue;
    any = true;
    for (const [t, unseen] of model.unseen) scores.set(t, scores.get(t) + (row.get(t) ?? unseen));
  }
  if (!any) return undefined;
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 1 && ranked[0][1] - ranked[1][1] >= model.margin ? ranked[0][0] : undefined;
}

const key = (s) => JSON.stringify(s);
const byKey = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const mapping = (m) => `{${[...m.entries()].sort(byKey).map(([t, v]) => `${t}: ${v}`).join(', ')}}`;

/** The model as the lexicon file's YAML text, keys sorted, with the header saying how it was made. */
export function modelYaml(model, readouts, sentences) {
  return [
    '# GENERATED by scripts/train-topics.mjs — do not edit; run `node scripts/train-topics.mjs` after changing the',
    `# development set's labels. Multinomial naive Bayes over a sentence's folded topic words, trained on the ${readouts}`,
    `# development-split readouts (${sentences} labelled sentences) of test/fixtures/devset, never on the blind split:`,
    `# natural-log priors, the weight of a kept word not seen with a topic, and the ${model.words.size} most informative`,
    '# words\' weights (smoothing 0.1). It names a secondary topic the rules did not when its best topic leads its',
    '# second by `margin` (policy T1, decision T1.a).',
    'topic-model:',
    `  margin: ${model.margin}`,
    `  prior: ${mapping(model.prior)}`,
    `  unseen: ${mapping(model.unseen)}`,
    '  words:',
    ...[...model.words.entries()].sort(byKey).map(([w, row]) => `    ${key(w)}: ${mapping(row)}`),
    '',
  ].join('\n');
}

/** The model file made now from the development set (`devset`) and the texts under `samples`. */
export function currentTopicModel(devset = DEVSET, samples = SAMPLES) {
  const readouts = developmentSplit(devset, samples);
  const sentences = readouts.flatMap((r) => r.sentences);
  return modelYaml(train(sentences, loadCore().TOPIC_IDS), readouts.length, sentences.length);
}

/** Five folds by readout: the rules alone against the rules with a model trained on the other four fifths. */
function crossValidate() {
  const readouts = developmentSplit(DEVSET, SAMPLES);
  const n = readouts.reduce((a, r) => a + r.sentences.length, 0);
  const tally = { rules: [0, 0], model: [0, 0], added: 0, addedRight: 0 };
  for (let k = 0; k < FOLDS; k++) {
    const model = train(readouts.filter((_, i) => i % FOLDS !== k).flatMap((r) => r.sentences), loadCore().TOPIC_IDS);
    for (const s of readouts.filter((_, i) => i % FOLDS === k).flatMap((r) => r.sentences)) {
      const pick = s.ruleSecondary === undefined ? predict(model, s.words) : undefined;
      const secondary = pick !== undefined && pick !== s.primary ? pick : s.ruleSecondary;
      if (secondary !== s.ruleSecondary) {
        tally.added++;
        if (secondary === s.topic || secondary === s.secondary) tally.addedRight++;
      }
      for (const [name, sec] of [['rules', s.ruleSecondary], ['model', secondary]]) {
        if (s.primary === s.topic || sec === s.topic) tally[name][0]++;
        if (s.primary === s.topic) tally[name][1]++;
      }
    }
  }
  const f = (x) => (x / n).toFixed(3);
  console.log(`${readouts.length} development readouts, ${n} labelled sentences, ${FOLDS} folds by readout`);
  console.log(`rules only:        labelled primary among the topics ${f(tally.rules[0])}, as the primary ${f(tally.rules[1])}`);
  console.log(`rules + the model: labelled primary among the topics ${f(tally.model[0])}, as the primary ${f(tally.model[1])}`);
  console.log(`the model named ${tally.added} secondary topics, ${tally.addedRight} of them a labelled topic of the sentence`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  if (args.includes('--cv')) crossValidate();
  else {
    const dir = args.includes('--out') ? args[args.indexOf('--out') + 1] : path.dirname(OUTPUT);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, MODEL_FILE), currentTopicModel());
    console.log(`wrote ${path.join(dir, MODEL_FILE)}`);
  }
}
