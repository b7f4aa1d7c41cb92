// The corpus core (src/core/corpus): summaries and counterparts, timelines, phrase tracking and "since last
// time", on readouts written for these tests, then on the shared White House corpus where it is present.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { fileReport, ndjsonLine } from '../../src/core/report/report';
import { counterpartIndex, type CounterpartIndex } from '../../src/core/corpus/counterparts';
import { settleHomes, summarize, summarizeAnalysis, type ReadoutSummary, type SummaryInput } from '../../src/core/corpus/summary';
import { groupByCounterpart, groupByDate, matchesFilter, parseDateRange, nextPeriod, periodOf, timeline } from '../../src/core/corpus/timeline';
import { occurrenceOffsets, phraseWords, trackPhrase, type TrackDocument } from '../../src/core/corpus/track';
import { previousReadout, sinceLastTime } from '../../src/core/corpus/since';
import { parseHeader } from '../../src/core/readout/header';
import { compiledBuiltins, sharedRoot } from './helpers';

const whDir = path.join(sharedRoot, 'samples', 'wh-readouts');

function readout(date: string, title: string, body: string): string {
  return `---\ndate: '${date}'\ntitle: "${title}"\n---\n\n${body}\n`;
}

let index: CounterpartIndex;
function summaryOf(p: string, text: string): ReadoutSummary {
  return summarizeAnalysis(p, analyze(text, compiledBuiltins()), index, text);
}

const KISHIDA_1 = readout(
  '2022-05-23',
  'Readout of President Biden’s Meeting with Prime Minister Kishida of Japan',
  'President Biden met today with Prime Minister Kishida of Japan in Tokyo.\nThe two leaders underscored the importance of maintaining peace and stability across the Taiwan\nStrait. They agreed to launch a new dialogue on economic security.',
);
const KISHIDA_2 = readout(
  '2023-01-13',
  'Readout of President Biden’s Meeting with Prime Minister Kishida of Japan',
  'President Biden welcomed Prime Minister Kishida of Japan to the White House.\nThe leaders reaffirmed the importance of PEACE AND STABILITY IN THE TAIWAN STRAITS. They discussed cooperation on space.',
);
const TRUDEAU = readout('2022-09-01', 'Readout of President Biden’s Call with Prime Minister Trudeau of Canada', 'President Biden spoke today with Prime Minister Trudeau of Canada. The leaders discussed energy security.');
const GOVERNORS = readout('2022-10-02', 'Readout of White House Meeting with Governors', 'White House officials met with governors today to discuss broadband.');

describe('corpus core', () => {
  before(() => {
    index = counterpartIndex(compiledBuiltins().lexicon.entities);
  });

  it('reads counterparts from the title after "with", the opening and the actors, the issuing side left out', () => {
    const s = summaryOf('k1.readout', KISHIDA_1);
    assert.strictEqual(s.home, 'United States');
    assert.deepStrictEqual(s.counterparts, ['Japan']);
    assert.strictEqual(s.date, '2022-05-23');
    assert.ok(s.firm >= 1 && s.hedged >= 1, `firm ${s.firm}, hedged ${s.hedged}`);
    assert.ok(s.mainTopics.length > 0 && s.mainTopics.length <= 3);
    assert.ok(s.cues.every((c) => c.sentenceText && c.sentenceEnd > c.sentenceStart));
    assert.deepStrictEqual(summaryOf('t.readout', TRUDEAU).counterparts, ['Canada']);
    // A domestic meeting names no other party; the White House is on the issuing side (before "with").
    assert.deepStrictEqual(summaryOf('g.readout', GOVERNORS).counterparts, []);
  });

  it('front matter participants and government come first', () => {
    const text = `---\ndate: '2024-02-02'\ngovernment: Japan\nparticipants: [Joe Biden, NATO]\n---\n\nThe Prime Minister met the delegation.\n`;
    const s = summaryOf('p.readout', text);
    assert.strictEqual(s.home, 'Japan');
    assert.deepStrictEqual(s.counterparts, ['United States']);
  });

  it('a summary from analyze\'s NDJSON line equals the one from the Analysis (no text: no sentence texts)', () => {
    const a = analyze(KISHIDA_1, compiledBuiltins());
    const fromLine = summarize(JSON.parse(ndjsonLine(fileReport('k1.readout', a))) as SummaryInput, index);
    assert.deepStrictEqual(fromLine, summarizeAnalysis('k1.readout', a, index));
  });

  it('settles the home of readouts that do not say it from the rest of the corpus', () => {
    const who = summaryOf('who.readout', readout('2022-03-03', 'Readout of Vice President’s Call with the Director-General of the World Health Organization', 'The Vice President spoke with the Director-General of the World Health Organization about the United States and COVID-19.'));
    assert.strictEqual(who.home, undefined);
    const all = [who, summaryOf('k1.readout', KISHIDA_1), summaryOf('t.readout', TRUDEAU)];
    assert.strictEqual(settleHomes(all), 'United States');
    assert.deepStrictEqual(who.counterparts, ['World Health Organization']);
  });

  it('periods, gaps filled, filters and groups', () => {
    assert.strictEqual(periodOf('2023-05-19', 'month'), '2023-05');
    assert.strictEqual(periodOf('2023-05-19', 'quarter'), '2023-Q2');
    assert.strictEqual(periodOf('2023-05-19', 'year'), '2023');
    assert.strictEqual(periodOf(undefined, 'year'), 'undated');
    assert.strictEqual(nextPeriod('2023-12', 'month'), '2024-01');
    assert.strictEqual(nextPeriod('2023-Q4', 'quarter'), '2024-Q1');
    const all = [summaryOf('k2.readout', KISHIDA_2), summaryOf('k1.readout', KISHIDA_1), summaryOf('t.readout', TRUDEAU), summaryOf('u.readout', 'No date here. The leaders agreed to meet.')];
    const byQuarter = timeline(all, 'quarter');
    assert.deepStrictEqual(
      byQuarter.map((p) => p.period),
      ['2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', 'undated'],
    );
    assert.strictEqual(byQuarter[2].readouts, 0);
    const total = byQuarter.reduce((n, p) => n + p.firm + p.hedged, 0);
    assert.strictEqual(total, all.reduce((n, s) => n + s.firm + s.hedged, 0));
    const taiwan = timeline(all, 'year', { kind: 'topic', topic: 'taiwan' });
    assert.ok(taiwan.every((p) => p.statements.every((st) => st.path.startsWith('k'))), 'only the Japan readouts speak of Taiwan');
    assert.ok(taiwan.some((p) => p.statements.length > 0));
    const groups = groupByCounterpart(all);
    assert.strictEqual(groups[0].counterpart, 'Japan');
    assert.deepStrictEqual(groups[0].readouts.map((s) => s.path), ['k1.readout', 'k2.readout']);
    assert.deepStrictEqual(all.filter((s) => matchesFilter(s, { counterpart: 'japan', from: '2023' })).map((s) => s.path), ['k2.readout']);
    const years = groupByDate(all);
    assert.deepStrictEqual(
      years.map((y) => [y.period, y.months.map((m) => `${m.period}:${m.readouts.map((s) => s.path).join('+')}`)]),
      [
        ['2022', ['2022-05:k1.readout', '2022-09:t.readout']],
        ['2023', ['2023-01:k2.readout']],
        ['undated', []],
      ],
    );
    assert.strictEqual(years[0].firm + years[0].hedged, years[0].months.reduce((n, m) => n + m.firm + m.hedged, 0));
    assert.deepStrictEqual(parseDateRange('2022'), { from: '2022', to: '2022' });
    assert.deepStrictEqual(parseDateRange(' 2022-03 .. 2023 '), { from: '2022-03', to: '2023' });
    assert.deepStrictEqual(parseDateRange('..2021-06'), { to: '2021-06' });
    assert.deepStrictEqual(parseDateRange(''), {});
    assert.strictEqual(parseDateRange('last year'), undefined);
    assert.strictEqual(parseDateRange('2022-3'), undefined);
    const range = parseDateRange('2022-06..2022-12');
    assert.deepStrictEqual(all.filter((s) => range && matchesFilter(s, range)).map((s) => s.path), ['t.readout']);
  });

  it('tracks a phrase across line breaks and case, marking inflections and other prepositions as variants', () => {
    const docs: TrackDocument[] = [
      { path: 'k2.readout', text: KISHIDA_2, date: '2023-01-13' },
      { path: 'k1.readout', text: KISHIDA_1, date: '2022-05-23' },
      { path: 't.readout', text: TRUDEAU, date: '2022-09-01' },
    ];
    const r = trackPhrase('peace and stability across the Taiwan Strait', docs);
    assert.deepStrictEqual(
      r.occurrences.map((o) => [o.path, o.variant]),
      [
        ['k1.readout', false],
        ['k2.readout', true],
      ],
    );
    const [first, second] = r.occurrences;
    assert.strictEqual(KISHIDA_1.slice(first.start, first.end), 'peace and stability across the Taiwan\nStrait');
    assert.strictEqual(second.text, 'PEACE AND STABILITY IN THE TAIWAN STRAITS');
    assert.deepStrictEqual(r.byYear, { '2022': { exact: 1, variant: 0, readouts: 1 }, '2023': { exact: 0, variant: 1, readouts: 1 } });
    assert.deepStrictEqual([r.first?.path, r.last?.path], ['k1.readout', 'k2.readout']);
    assert.deepStrictEqual(
      r.variants.map((v) => [v.wording, v.variant, v.count]),
      [
        ['peace and stability across the taiwan strait', false, 1],
        ['peace and stability in the taiwan straits', true, 1],
      ],
    );
    assert.deepStrictEqual([...occurrenceOffsets(r).keys()], ['k1.readout', 'k2.readout']);
    // A word that only starts like the phrase's is not a use: "Straitjacket".
    assert.strictEqual(trackPhrase('Taiwan Strait', [{ path: 'x', text: 'the Taiwan Straitjacket' }]).occurrences.length, 0);
    assert.deepStrictEqual(phraseWords('  U.S.-Japan   alliance '), ['U.S.-Japan', 'alliance']);
    assert.strictEqual(trackPhrase('...', docs).occurrences.length, 0);
  });

  it('finds the previous readout with the same counterpart and what changed since', () => {
    const texts = new Map([
      ['k1.readout', KISHIDA_1],
      ['k2.readout', KISHIDA_2],
      ['t.readout', TRUDEAU],
    ]);
    const all = [...texts].map(([p, t]) => summaryOf(p, t));
    assert.strictEqual(previousReadout(all, 'k2.readout')?.path, 'k1.readout');
    assert.strictEqual(previousReadout(all, 'k1.readout'), undefined);
    assert.strictEqual(previousReadout(all, 't.readout'), undefined);
    const input = (p: string): { label: string; text: string; analysis: ReturnType<typeof analyze> } => ({ label: p, text: texts.get(p)!, analysis: analyze(texts.get(p)!, compiledBuiltins()) });
    const since = sinceLastTime(all[0], input('k1.readout'), all[1], input('k2.readout'), compiledBuiltins());
    assert.strictEqual(since.previous.path, 'k1.readout');
    // "agreed to launch a new dialogue" is gone; "discussed cooperation on space" is new.
    assert.ok(since.droppedCommitments.some((c) => /agreed/.test(c.text)), JSON.stringify(since.droppedCommitments.map((c) => c.text)));
    assert.ok(since.newCommitments.some((c) => /discussed/.test(c.text)), JSON.stringify(since.newCommitments.map((c) => c.text)));
  });

  describe('on the White House readouts (../shared/samples/wh-readouts)', () => {
    let docs: TrackDocument[] = [];
    before(function () {
      if (!fs.existsSync(whDir)) {
        console.log('    (skipped: ../shared/samples/wh-readouts is absent)');
        this.skip();
      }
      docs = fs
        .readdirSync(whDir)
        .filter((f) => f.endsWith('.readout'))
        .sort()
        .map((f) => {
          const text = fs.readFileSync(path.join(whDir, f), 'utf8');
          const { header, bodyStart } = parseHeader(text, []);
          return { path: f, text, date: header.date, spans: [{ start: bodyStart, end: text.length }] };
        });
    });

    it('tracks "peace and stability across the Taiwan Strait" across the years', () => {
      const t0 = performance.now();
      const r = trackPhrase('peace and stability across the Taiwan Strait', docs);
      const ms = performance.now() - t0;
      const exact = r.occurrences.filter((o) => !o.variant);
      console.log(`    ${docs.length} readouts searched in ${ms.toFixed(0)} ms: ${exact.length} exact uses, ${r.occurrences.length - exact.length} variants, in ${r.readouts} readouts; first ${r.first?.date}, last ${r.last?.date}`);
      assert.ok(exact.length >= 20, `${exact.length} exact uses`);
      assert.ok(r.occurrences.some((o) => o.variant && /\bin the Taiwan Strait/i.test(o.text.replace(/\s+/g, ' '))), 'the "in the Taiwan Strait" variant');
      assert.ok(Object.keys(r.byYear).length >= 4, `years ${Object.keys(r.byYear).join(', ')}`);
      assert.ok(r.first?.date?.startsWith('2021') && r.last?.date?.startsWith('2024'), `${r.first?.date} … ${r.last?.date}`);
      // Hard-wrapped at 72 columns: some uses run over a line break, and are found.
      assert.ok(r.occurrences.some((o) => o.text.includes('\n')), 'a use across a line break');
      for (const o of r.occurrences) assert.strictEqual(docs.find((d) => d.path === o.path)!.text.slice(o.start, o.end), o.text);
    });

    it('finds the previous readout of the Biden–Kishida pair', () => {
      const compiled = compiledBuiltins();
      const japan = docs.filter((d) => /kishida/.test(d.path));
      const t0 = performance.now();
      const all = japan.map((d) => summarizeAnalysis(d.path, analyze(d.text, compiled), index));
      settleHomes(all);
      const ms = performance.now() - t0;
      const withJapan = all.filter((s) => s.counterparts[0] === 'Japan');
      console.log(`    ${all.length} Kishida readouts summarised in ${ms.toFixed(0)} ms (${((all.length / ms) * 1000).toFixed(0)} files/s); Japan the first counterpart of ${withJapan.length}`);
      assert.ok(withJapan.length >= all.length * 0.8, `${withJapan.length} of ${all.length}`);
      const sorted = [...withJapan].sort((a, b) => (a.date! < b.date! ? -1 : 1));
      const last = sorted[sorted.length - 1];
      const prev = previousReadout(all, last.path);
      assert.ok(prev, 'a previous readout');
      assert.ok(prev.date! <= last.date! && prev.counterparts.includes('Japan'), `${prev.path} before ${last.path}`);
    });
  });
});
