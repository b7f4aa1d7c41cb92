// Comparing two readouts of the same meeting: synthetic pairs written for precise cases, and the paired
// corpus readouts (US vs UK, US vs Japan) with expectations taken from reading the texts themselves.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon, type CompiledLexicon } from '../../src/core/pipeline/compile';
import { compareAnalyses, comparisonMarkdown, stem, strengthMismatches, type ComparedCue, type Comparison } from '../../src/core/compare/compare';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles } from '../../src/core/lexicon/files';
import { corpusAvailable, corpusDir, readRepoFile } from './helpers';

let cached: CompiledLexicon | undefined;
function builtins(): CompiledLexicon {
  return (cached ??= compileLexicon(loadLexiconFiles(BUILTIN_LEXICON_FILES.map((f) => ({ file: f, text: readRepoFile(`lexicons/${f}`) }))).lexicon));
}

function compare(a: string, b: string, labels = ['A', 'B']): Comparison {
  const compiled = builtins();
  return compareAnalyses({ label: labels[0], text: a, analysis: analyze(a, compiled) }, { label: labels[1], text: b, analysis: analyze(b, compiled) }, compiled);
}

/** The cue of `side` whose text is `cue` and whose clause mentions `about`. */
function cue(c: Comparison, side: 'a' | 'b', text: string, about: RegExp): ComparedCue {
  const found = Object.values(c.cues).find((q) => q.side === side && q.text.toLowerCase() === text.toLowerCase() && about.test(q.what));
  assert.ok(found, `no ${side} cue "${text}" about ${about}; cues: ${Object.values(c.cues).map((q) => `${q.id} ${q.text} | ${q.what}`).join('\n')}`);
  return found;
}

function matchOf(c: Comparison, q: ComparedCue): ComparedCue | undefined {
  return q.matchedWith ? c.cues[q.matchedWith] : undefined;
}

const onlyNames = (c: Comparison, side: 'a' | 'b'): string[] => c.omissions.filter((o) => o.kind === 'entity' && o.onlyIn === side).map((o) => o.ref);
const onlyTopics = (c: Comparison, side: 'a' | 'b'): string[] => c.omissions.filter((o) => o.kind === 'topic' && o.onlyIn === side).map((o) => o.ref);

describe('compareAnalyses: synthetic pairs', () => {
  it('flags the same undertaking stated firmly by one side and welcomed by the other', () => {
    const c = compare(
      'date 2024-03-14 The two leaders agreed to set up a joint task force on critical minerals processing by the autumn.',
      'date 2024-03-14 The two leaders welcomed the proposal for a joint task force on critical minerals processing.',
    );
    const firm = cue(c, 'a', 'agreed to', /task force/);
    const hedged = matchOf(c, firm);
    assert.ok(hedged, 'the two statements about the task force are matched');
    assert.strictEqual(hedged.text, 'welcomed');
    const [m] = strengthMismatches(c);
    assert.ok(m && m.mismatch === 'strength' && m.a === firm.id && m.b === hedged.id);
    assert.ok(m.similarity >= 0.3 && m.shared.includes('task'), JSON.stringify(m));
  });

  it('marks what only one side mentions: a topic, a named entity and a commitment', () => {
    const c = compare(
      'date 2024-03-14 The leaders reaffirmed their support for Ukraine. The President raised concerns about the security of undersea cables in the Baltic Sea.',
      'date 2024-03-14 The leaders reiterated their support for Ukraine.',
    );
    const ukraineA = cue(c, 'a', 'reaffirmed', /Ukraine/);
    assert.strictEqual(matchOf(c, ukraineA)?.text, 'reiterated', 'Ukraine is on both sides');
    assert.ok(!strengthMismatches(c).length, 'both hedged: no mismatch');
    const cables = cue(c, 'a', 'raised', /undersea cables/);
    assert.ok(!cables.matchedWith);
    assert.ok(c.onlyA.includes(cables.id) && c.omissions.some((o) => o.kind === 'commitment' && o.ref === cables.id));
    assert.ok(onlyTopics(c, 'a').includes('security'), `security only in A: ${JSON.stringify(c.omissions)}`);
    assert.deepStrictEqual(onlyTopics(c, 'b'), []);
    assert.ok(!onlyNames(c, 'a').includes('ukraine') && !onlyNames(c, 'b').includes('ukraine'));
  });

  it('does not pair unrelated commitments of different strength', () => {
    const c = compare(
      'date 2024-03-14 The two sides agreed to open a consulate in the northern port city next year.',
      'date 2024-03-14 The two sides welcomed progress on visa facilitation for students and researchers.',
    );
    assert.deepStrictEqual(c.matches, []);
    assert.deepStrictEqual(strengthMismatches(c), []);
    assert.strictEqual(c.onlyA.length, 1);
    assert.strictEqual(c.onlyB.length, 1);
  });

  it('does not pair two cues that share only a party name', () => {
    const c = compare(
      'date 2024-03-14 Japan and the United States will expand joint exercises in the East China Sea.',
      'date 2024-03-14 The Prime Minister of Japan expressed appreciation for the hospitality of the United States.',
    );
    assert.deepStrictEqual(strengthMismatches(c), []);
  });

  it('flags a commitment negated on one side only', () => {
    const c = compare(
      'date 2024-03-14 The two governments will impose new tariffs on imported electric vehicles.',
      'date 2024-03-14 The two governments will not impose new tariffs on imported electric vehicles.',
    );
    assert.strictEqual(c.matches.length, 1);
    assert.strictEqual(c.matches[0].mismatch, 'negation');
  });

  it('matches across spellings of the same entity ("U.S." and "United States")', () => {
    const c = compare(
      'date 2024-03-14 The leaders reaffirmed the importance of the U.S.-Japan Alliance and of extended deterrence.',
      'date 2024-03-14 The leaders pledged to strengthen the Japan-United States Alliance and extended deterrence.',
    );
    const a = cue(c, 'a', 'reaffirmed', /deterrence/);
    assert.strictEqual(matchOf(c, a)?.text, 'pledged');
    assert.strictEqual(strengthMismatches(c)[0]?.mismatch, 'strength');
  });

  it('gives plain, JSON-serialisable data and never throws on empty or odd input', () => {
    const c = compare('', '\u0000 \n\n ...');
    assert.deepStrictEqual(JSON.parse(JSON.stringify(c)), c);
    assert.deepStrictEqual([c.matches.length, c.omissions.length], [0, 0]);
    assert.match(comparisonMarkdown(c), /^# Comparison: A ↔ B/);
  });

  it('stems the inflections that readouts use', () => {
    assert.strictEqual(stem('defending'), stem('defend'));
    assert.strictEqual(stem('defended'), stem('defend'));
    assert.strictEqual(stem('issues'), stem('issue'));
    assert.strictEqual(stem('committed'), stem('commit'));
    assert.strictEqual(stem('supply'), 'supply');
    assert.strictEqual(stem('countries'), 'country');
  });
});

describe('compareAnalyses: paired corpus readouts', () => {
  const read = (prefix: string): string | undefined => {
    if (!corpusAvailable()) return undefined;
    const f = fs.readdirSync(corpusDir).find((n) => n.startsWith(prefix));
    return f ? fs.readFileSync(path.join(corpusDir, f), 'utf8') : undefined;
  };

  describe('Biden–Starmer call, 5 July 2024: White House (01) vs 10 Downing Street (03)', () => {
    let c: Comparison;
    before(function () {
      const us = read('01_');
      const uk = read('03_');
      if (!us || !uk) {
        console.log('      (skipped: ../shared/samples/corpus 01/03 not present)');
        return this.skip();
      }
      c = compare(us, uk, ['US', 'UK']);
    });

    it('only the US readout speaks of freedom and democracy around the world', () => {
      assert.deepStrictEqual(onlyTopics(c, 'a'), ['human-rights']);
    });

    it('only the UK readout names AUKUS, the free and open Indo-Pacific and Washington; only the US names Russia and Northern Ireland', () => {
      // "the NATO Summit in Washington": the city where a meeting is, the capital's venue alias (E1.d).
      assert.deepStrictEqual(onlyNames(c, 'b').sort(), ['aukus', 'free-and-open-indo-pacific', 'washington-dc']);
      // The US readout's "Washington Summit" is a name no lexicon knows (E5): it is the US side's alone.
      assert.deepStrictEqual(onlyNames(c, 'a').sort(), ['name:Washington Summit', 'northern-ireland', 'russia']);
    });

    it('does not count Starmer as missing from the UK readout, which calls him "the Prime Minister"', () => {
      const row = c.entities.find((e) => e.id === 'keir-starmer');
      assert.ok(row && row.onlyIn === 'a' && row.titleOnly === 'Prime Minister');
    });

    it('the US "committed to deepening U.S.-UK cooperation" has no counterpart: the UK records no firm commitment', () => {
      const committed = cue(c, 'a', 'committed to', /deepening/);
      assert.strictEqual(committed.strength, 'firm');
      assert.ok(c.onlyA.includes(committed.id));
      assert.strictEqual(c.b.firm, 0);
      assert.deepStrictEqual(strengthMismatches(c), []);
    });

    it('pairs the statements both readouts make: Ukraine, the Good Friday Agreement, the NATO summit', () => {
      assert.strictEqual(matchOf(c, cue(c, 'a', 'reiterated', /Ukraine/))?.text, 'reiterated');
      assert.strictEqual(matchOf(c, cue(c, 'a', 'affirmed', /Good Friday/))?.text, 'reflected on');
      assert.match(matchOf(c, cue(c, 'a', 'looks forward to', /NATO/))?.what ?? '', /NATO Summit/);
    });
  });

  describe('Biden–Kishida call after Abe\'s death, July 2022: White House (05) vs Japan MOFA (07)', () => {
    let c: Comparison;
    before(function () {
      const us = read('05_');
      const jp = read('07_');
      if (!us || !jp) {
        console.log('      (skipped: ../shared/samples/corpus 05/07 not present)');
        return this.skip();
      }
      c = compare(us, jp, ['US', 'Japan']);
    });

    it('only the US readout recalls Abe\'s free and open Indo-Pacific and the Quad', () => {
      const names = onlyNames(c, 'a');
      assert.ok(names.includes('quad') && names.includes('free-and-open-indo-pacific'), names.join(', '));
      // Security is no longer the US readout's alone: Japan's "strive to further strengthen the Japan-U.S. Alliance" is
      // security too since the trained model breaks the near-ties of its words (policy T1.c). Japan's readout has no
      // topic the US one lacks.
      assert.deepStrictEqual(onlyTopics(c, 'b'), []);
    });

    it('both readouts name Biden, Kishida and Abe', () => {
      for (const id of ['joe-biden', 'fumio-kishida', 'shinzo-abe']) assert.ok(!c.entities.find((e) => e.id === id)?.onlyIn, id);
    });

    it('defending democracy is a firm undertaking by Kishida in Japan\'s readout, a topic the leaders "discussed" in the US one', () => {
      const jp = cue(c, 'b', 'would', /defend democracy/);
      assert.strictEqual(jp.strength, 'firm');
      const us = matchOf(c, jp);
      assert.ok(us, 'Kishida\'s pledge is matched');
      assert.strictEqual(us.text, 'discussed');
      assert.match(us.what, /defending peace and democracy/);
      assert.ok(strengthMismatches(c).some((m) => m.b === jp.id && m.mismatch === 'strength'));
    });

    it('Kishida\'s refusal to give in to violence appears only in Japan\'s readout', () => {
      const refusal = cue(c, 'b', 'would not', /violence/);
      assert.ok(refusal.negated && c.onlyB.includes(refusal.id));
    });
  });
});
