// `npm run bench`: prints performance figures; asserts nothing (design: benchmarks are scripts, not timed tests).
//   core throughput at 1, 10 and 50 MB (median of several runs after one untimed run at that size, and per stage
//   at 10 MB; cold: analyze() keeps no cache of results), re-analysis of 10 KB, 1 MB and 10 MB documents after a
//   one-character edit (analyzeIncremental with the document's paragraph cache, as the editor runs it), peak
//   memory, the production bundle size, and — inside the real VS Code harness — activation time, keystroke →
//   diagnostics p50/p95 on 1 MB and the longest extension-host block on 10 MB (all of the host's work, the
//   longest stretch of Readout Lens's own code in it, and VS Code alone on a plain text file of the same size).
// The CLI (dist/cli.js, a process each run, output to /dev/null): on 20 MB of ../shared/samples/wh-readouts
//   against one bare V8 regex pass of the policy's cue verbs over the same text, and on the small seed readout
//   against `node -e 0` (what starting Node costs anyway).
// MB here means 2^20 UTF-16 code units (what analyze() walks; the corpus is ASCII, so also 2^20 bytes).
// Per stage at 10 MB: analyze() scans each sentence once (src/core/text/scan.ts) and every stage reads that scan;
//   run on their own, findCues, findEntities and assignTopics each scan the sentences themselves, so their rows
//   include one scan, and the "shared scan" row is that scan alone.
// The corpus is the seed in samples/ plus ../shared/samples/corpus when present, read at run time, never copied.
// Usage: node scripts/bench.mjs [--no-vscode] [--quick]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const withVsCode = !process.argv.includes('--no-vscode');
const MB = 1 << 20;

execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
// The core as it ships: one bundle, as dist/cli.js and dist/extension.js hold it. (The unbundled test build in out/
// reaches every name of another module through a getter, which costs hot loops 20-40% that no user pays.)
const coreBundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-core-')), 'core.js');
buildSync({
  ...require(path.join(root, 'esbuild.js')).common,
  sourcemap: false,
  logLevel: 'warning',
  stdin: {
    resolveDir: root,
    loader: 'ts',
    contents: [
      "export { analyze } from './src/core/pipeline/analyze';",
      "export { compileLexicon } from './src/core/pipeline/compile';",
      "export { analyzeIncremental, AnalysisCache } from './src/core/pipeline/incremental';",
      "export { loadLexiconFiles, BUILTIN_LEXICON_FILES } from './src/core/lexicon/files';",
      "export { parseReadout } from './src/core/readout/readout';",
      "export { findCues } from './src/core/cues';",
      "export { findEntities } from './src/core/entities/entities';",
      "export { assignTopics } from './src/core/topics/topics';",
      "export { findUnknownAcronyms } from './src/core/entities/acronyms';",
      "export { scanSpan, SpanScan } from './src/core/text/scan';",
    ].join('\n'),
  },
  outfile: coreBundle,
});
const {
  analyze,
  compileLexicon,
  analyzeIncremental,
  AnalysisCache,
  loadLexiconFiles,
  BUILTIN_LEXICON_FILES,
  parseReadout,
  findCues,
  findEntities,
  assignTopics,
  findUnknownAcronyms,
  scanSpan,
  SpanScan,
} = require(coreBundle);
fs.rmSync(path.dirname(coreBundle), { recursive: true, force: true });

const compiled = compileLexicon(
  loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: fs.readFileSync(path.join(root, 'lexicons', f), 'utf8') }))).lexicon,
);

// Corpus: each readout's body as paragraphs, repeated to the size wanted, under one inline header.
const sources = [fs.readFileSync(path.join(root, 'samples', 'kishida-biden-2023-05-19.readout'), 'utf8')];
const corpusDir = path.join(root, '..', 'shared', 'samples', 'corpus');
if (fs.existsSync(corpusDir)) {
  for (const f of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) sources.push(fs.readFileSync(path.join(corpusDir, f), 'utf8'));
}
const bodies = sources.map((t) => t.replace(/^date \d{4}-\d{2}-\d{2}\s*/, ''));
// A flat string, as the editor's getText() and the CLI's file reads give analyze(): the last body is cut before
// the join (a slice of a longer string would be a view into it, slower to read by about 7%).
function corpus(units) {
  const parts = ['date 2023-05-19 '];
  let length = parts[0].length;
  for (let i = 0; length < units; i++) {
    const b = `${bodies[i % bodies.length]}\n\n`.slice(0, units - length);
    parts.push(b);
    length += b.length;
  }
  return parts.join('');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
function time(fn, runs) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
    sample();
  }
  return median(ms);
}

const rows = [];
const row = (what, value, target = '') => rows.push([what, value, target]);
console.log(`bench: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism?.() ?? os.cpus().length} cores, Node ${process.version}`);
// Other jobs on a shared machine slow every figure: the load average says how busy it was.
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
console.log(`corpus: ${sources.length} readouts (${fs.existsSync(corpusDir) ? 'seed + shared corpus' : 'seed only'}); MB = 2^20 UTF-16 units\n`);

analyze(corpus(MB), compiled); // warm-up
for (const size of quick ? [1, 10] : [1, 10, 50]) {
  const text = corpus(size * MB);
  analyze(text, compiled); // one untimed run at this size: optimised code and a grown heap, as in a long session
  const ms = time(() => analyze(text, compiled), size >= 50 ? 3 : 5);
  row(`analyze() throughput, ${size} MB`, `${((size * 1000) / ms).toFixed(1)} MB/s (${ms.toFixed(0)} ms)`, size === 10 ? '≥ 50 MB/s' : '');
}
{
  const text = corpus(10 * MB);
  let readout;
  let entities;
  const atoms = new SpanScan();
  const parse = time(() => (readout = parseReadout(text, compiled.sentenceWords)), 3);
  const scan = time(() => {
    for (const s of readout.sentences) scanSpan(text, s.start, s.end, atoms);
  }, 3);
  const cues = time(() => findCues(text, readout, compiled.cues), 3);
  const ents = time(() => (entities = findEntities(text, readout, compiled.entities)), 3);
  const topics = time(() => assignTopics(text, readout, entities, compiled.topics), 3);
  const acronyms = time(() => findUnknownAcronyms(text, readout, entities), 3);
  const total = time(() => analyze(text, compiled), 3);
  const rate = (ms) => `${((10 * 1000) / ms).toFixed(0)} MB/s (${ms.toFixed(0)} ms)`;
  row('  stage at 10 MB: parseReadout', rate(parse));
  row('  stage at 10 MB: shared scan (once per sentence)', rate(scan));
  row('  stage at 10 MB: cues (with a scan)', rate(cues));
  row('  stage at 10 MB: entities (with a scan)', rate(ents));
  row('  stage at 10 MB: topics (with a scan)', rate(topics));
  row('  stage at 10 MB: acronyms (own character scan)', rate(acronyms));
  // In analyze() the stages share one scan: what they cost there is parse + scan + each stage less its scan.
  const listed = parse + scan + (cues - scan) + (ents - scan) + (topics - scan) + acronyms;
  row('  rest of analyze() (result assembly, GC, the stages\' interplay)', `${Math.max(0, total - listed).toFixed(0)} ms of ${total.toFixed(0)} ms`);
}
for (const [label, units, target] of [['10 KB', 10 * 1024, ''], ['1 MB', MB, '< 30 ms'], ['10 MB', 10 * MB, '']]) {
  const text = corpus(units);
  // Alternate two versions so every run has a changed paragraph to analyse; the cache holds the other's.
  const edited = [text.slice(0, units >> 1) + 'x' + text.slice(units >> 1), text.slice(0, units >> 1) + 'y' + text.slice(units >> 1)];
  const cache = new AnalysisCache();
  analyzeIncremental(text, compiled, cache);
  let n = 0;
  const ms = time(() => analyzeIncremental(edited[n++ % 2], compiled, cache), 9);
  row(`re-analysis, ${label} document`, `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`, target);
}
row('peak memory (RSS / heap used)', `${(peakRss / MB).toFixed(0)} MB / ${(peakHeap / MB).toFixed(0)} MB`);

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-bench-')), 'extension.js');
buildSync({ ...require(path.join(root, 'esbuild.js')).productionBundle(out), absWorkingDir: root });
row('dist/extension.js (production)', `${(fs.statSync(out).size / 1024).toFixed(1)} KB`, '< 270 KB');
fs.rmSync(path.dirname(out), { recursive: true, force: true });

// The CLI as a user runs it. The cue verbs of docs/commitment-policy.md ("The two strengths"), as one
// case-insensitive word-boundary alternation: the least any reader of the text has to do.
const CUE_VERBS = [
  'agreed to', 'agreed that', 'decided to', 'committed to', 'pledged', 'promised', 'vowed', 'resolved to', 'will', 'shall', 'would',
  'signed', 'launched', 'announced', 'undertook to', 'tasked', 'directed', 'instructed', 'agreed on',
  'concurred', 'confirmed', 'reaffirmed', 'reiterated', 'shared', 'welcomed', 'encouraged', 'expressed', 'hoped', 'wished',
  'looked forward to', 'noted', 'recalled', 'emphasized', 'stressed', 'underscored', 'underlined', 'highlighted', 'exchanged views',
  'discussed', 'had a discussion', 'communicated on', 'addressed', 'raised', 'agreed on the importance', 'agreed on the need', 'called for',
  'urged', 'demanded', 'asked for', 'appreciated', 'thanked', 'supported', 'condemned', 'opposes', 'stands for', 'intends to',
  'is ready to', 'is willing to', 'stand ready', 'would like to', 'should', 'need to', 'needs to', 'must', 'can', 'is needed', 'believe',
  'is the responsibility of', 'recognizes', 'reviewed', 'endorsed', 'spoke about', 'affirmed', 'reaffirmed their commitment to',
  'are unwavering in their commitment to',
];
const cli = path.join(root, 'dist', 'cli.js');
/** Wall time of one `node dist/cli.js …` (or `node …`) with stdout to /dev/null, in ms. */
function runNode(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const whDir = path.join(root, '..', 'shared', 'samples', 'wh-readouts');
if (!fs.existsSync(whDir)) {
  console.log('CLI on 20 MB: skipped (../shared/samples/wh-readouts is absent)');
} else {
  // The readouts' bodies (front matter cut) joined by blank lines and repeated to 20 MB, under one inline header.
  const whBodies = fs
    .readdirSync(whDir)
    .filter((f) => f.endsWith('.readout'))
    .sort()
    .map((f) => fs.readFileSync(path.join(whDir, f), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---[^\n]*\n/, '').trim());
  const units = 20 * MB;
  const parts = ['date 2023-05-19 '];
  for (let i = 0, length = parts[0].length; length < units; i++) {
    const b = `${whBodies[i % whBodies.length]}\n\n`.slice(0, units - length);
    parts.push(b);
    length += b.length;
  }
  const text = parts.join('');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-bench-'));
  const file = path.join(dir, 'wh-readouts-20mb.readout');
  fs.writeFileSync(file, text);
  const cliMs = median([0, 1, 2].map(() => runNode([cli, 'analyze', '--format', 'json', '--max-size-mb', '25', file])));
  fs.rmSync(dir, { recursive: true, force: true });
  const cueRegex = new RegExp(`\\b(?:${[...CUE_VERBS].sort((a, b) => b.length - a.length).map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
  let matches = 0;
  const regexMs = time(() => {
    cueRegex.lastIndex = 0;
    for (matches = 0; cueRegex.exec(text); matches++);
  }, 5);
  const rate = (ms) => (20 * 1000) / ms;
  const ratio = rate(cliMs) / rate(regexMs);
  row(
    'CLI analyze --format json, 20 MB wh-readouts vs one regex pass of the cue verbs',
    `CLI ${rate(cliMs).toFixed(1)} MB/s (${cliMs.toFixed(0)} ms, median of 3) vs regex ${rate(regexMs).toFixed(0)} MB/s (${regexMs.toFixed(0)} ms, median of 5, ${matches} matches): ratio 1/${(1 / ratio).toFixed(1)}`,
    '≥ 1/10',
  );
}
{
  const seedFile = path.join('samples', 'kishida-biden-2023-05-19.readout');
  const cliMs = median(Array.from({ length: 10 }, () => runNode([cli, 'analyze', seedFile])));
  const nodeMs = median(Array.from({ length: 10 }, () => runNode(['-e', '0'])));
  row('CLI analyze, one small readout vs node -e 0', `CLI ${cliMs.toFixed(0)} ms vs node ${nodeMs.toFixed(0)} ms (medians of 10): ${(cliMs / nodeMs).toFixed(2)}×`, '≤ 2.5×');
}

if (withVsCode) {
  console.log('measuring inside VS Code (the integration harness, tests matching "performance") ...');
  const perf = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/run-integration-tests.mjs'], {
      cwd: root,
      env: { ...process.env, READOUT_LENS_TEST_GREP: 'performance' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const found = {};
    let log = '';
    const scan = (d) => {
      log += d;
      for (const m of String(d).matchAll(/PERF (\{.*\})/g)) {
        const v = JSON.parse(m[1]);
        found[v.name] = v;
      }
    };
    child.stdout.on('data', scan);
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => {
      if (code !== 0) console.error(log);
      resolve(found);
    });
  });
  const a = perf.activation;
  const k = perf['keystroke-1mb'];
  const b = perf['block-10mb'];
  const base = perf['block-10mb-plaintext'];
  row('activation (activate() in VS Code)', a ? `${a.ms} ms` : 'n/a', '< 50 ms');
  row('keystroke → diagnostics, 1 MB (20 edits, editor settled)', k ? `p50 ${k.p50} ms, p95 ${k.p95} ms (debounce ${k.debounceMs} ms)` : 'n/a', 'p95 < 100 ms');
  row('  the two edits made as soon as the 1 MB readout opened', k ? `${k.justOpened.replace(' ', ' ms, ')} ms` : 'n/a');
  // The extension host also runs VS Code's own extensions: the same steps on a plain text file show what they take.
  row(
    'longest extension-host block, 10 MB readout',
    b ? `${b.longestGapMs} ms (event-loop delay max ${b.eventLoopDelayMaxMs} ms, p99 ${b.eventLoopDelayP99Ms} ms; analysed ${b.analysedUnits} units${b.truncated === 'true' ? ', truncated at maxFileSizeMB' : ''})` : 'n/a',
  );
  row('  of which Readout Lens\'s own code (most CPU time in it between two timer turns)', b ? `${b.ownLongestMs} ms (in ${b.ownLongestIn})` : 'n/a', '< 50 ms');
  row('  VS Code alone: the same steps on a 10 MB plain text file', base ? `${base.longestGapMs} ms (event-loop delay max ${base.eventLoopDelayMaxMs} ms)` : 'n/a');
  // The corpus run: ../shared/samples/wh-readouts as the workspace (workspacePerformance.test.ts).
  const w = perf['workspace-first-pass'];
  row('workspace first pass, wh-readouts', w ? `${w.firstPassMs} ms for ${w.files} readouts (${w.diagnostics} diagnostics, heap +${w.heapGrowthMB} MB)` : 'n/a (no ../shared/samples/wh-readouts)', '≤ 10 s');
  row(
    '  longest extension-host block during it',
    w ? `${w.longestGapMs} ms (mostly ${w.longestGapMostly}; ours ${w.longestGapOursMs} ms of it; ${w.gapsOver50Ms} gaps over 50 ms)` : 'n/a',
    '≤ 50 ms',
  );
  row('  of which Readout Lens\'s own code (capped samples)', w ? `${w.ownLongestSampledMs} ms (in ${w.ownLongestSampledIn}); uncapped ${w.ownLongestMs} ms` : 'n/a', '< 50 ms');
  row('  VS Code alone: as long again with Readout Lens idle', w ? `${w.idleLongestGapMs} ms (${w.idleGapsOver50Ms} gaps over 50 ms)` : 'n/a');
}

console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\n${'measure'.padEnd(w0)}  ${'figure'.padEnd(w1)}  target`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ------`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
