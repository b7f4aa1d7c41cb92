// Markdown built from hostile lexicon and readout values (hover cards, the status-bar tooltip's table, the
// Markdown export, the comparison): the structure the template gives stays intact whatever the data holds.
import * as assert from 'assert';
import { cueCard, entityCard } from '../../src/core/report/cards';
import { markdownReport } from '../../src/core/report/markdown';
import { codeSpan, escapeText, linkDestination, tableCell } from '../../src/core/report/markdownText';
import { analyze } from '../../src/core/pipeline/analyze';
import { compileLexicon } from '../../src/core/pipeline/compile';
import type { Cue, EntityEntry, Lexicon } from '../../src/core/types';

const BREAKS = ['\r\n', '\r', '\n', '\u2028', '\u2029', '\u0085'];

/** The cells of a table row, split at pipes no backslash escapes; undefined when the line is not a row. */
function cells(line: string): string[] | undefined {
  if (!line.startsWith('|') || !line.endsWith('|')) return undefined;
  return line.slice(1, -1).split(/(?<!\\)\|/);
}

/** The code spans of a line by CommonMark's rule (a run of n backticks closes at the next run of exactly n), and the text between them. */
function codeSpans(line: string): { spans: string[]; outside: string; open: boolean } {
  const spans: string[] = [];
  let outside = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      outside += line[i++];
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let j = i + n;
    let close = -1;
    while (j < line.length) {
      const at = line.indexOf(fence, j);
      if (at < 0) break;
      let m = 0;
      while (line[at + m] === '`') m++;
      if (m === n) {
        close = at;
        break;
      }
      j = at + m;
    }
    if (close < 0) return { spans, outside, open: true };
    let body = line.slice(i + n, close);
    if (body.length > 1 && body.startsWith(' ') && body.endsWith(' ') && body.trim()) body = body.slice(1, -1);
    spans.push(body);
    i = close + n;
  }
  return { spans, outside, open: false };
}

function assertNoLineBreakFromData(md: string): void {
  for (const b of ['\r', '\u2028', '\u2029', '\u0085']) assert.ok(!md.includes(b), `a ${JSON.stringify(b)} left in ${JSON.stringify(md)}`);
}

describe('markdownText: every Markdown string built from data', () => {
  it('codeSpan: shows any backtick run verbatim and folds line breaks of every style', () => {
    for (const text of ['plain', 'a `tick`', '``double`` and `single`', '`lead', 'trail`', ' spaced ', 'blank\n\nline', ...BREAKS.map((b) => `one${b}two`)]) {
      const span = codeSpan(text);
      const { spans, outside, open } = codeSpans(span);
      assert.ok(!open && outside === '' && spans.length === 1, `${JSON.stringify(text)} → ${span}`);
      assert.strictEqual(spans[0], text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' '), span);
    }
    assert.strictEqual(codeSpan(''), '');
    assert.strictEqual(codeSpan('a|b', true), '`a\\|b`');
  });

  it('escapeText and tableCell: formatting, links, entities, theme icons and list markers stay text', () => {
    assert.strictEqual(tableCell('**Bold** [link](https://x.example) <b> `c` _i_ ~s~ | #'), '\\*\\*Bold\\*\\* \\[link\\](https://x.example) \\<b\\> \\`c\\` \\_i\\_ \\~s\\~ \\| \\#');
    // &#60; loses its entity reading by its escaped #.
    assert.strictEqual(tableCell('AT&T &amp; &#60; $(alert) $5'), 'AT&T \\&amp; &\\#60; \\$(alert) $5');
    assert.strictEqual(tableCell(`a${BREAKS.join('b')}z`), 'a b b b b b z');
    assert.strictEqual(escapeText('1. First'), '1\\. First');
    assert.strictEqual(escapeText('- item'), '\\- item');
    assert.strictEqual(escapeText('+ item'), '\\+ item');
    assert.strictEqual(escapeText('Prime Minister (2024). U.S.-Japan'), 'Prime Minister (2024). U.S.-Japan');
    assert.strictEqual(linkDestination('https://x.example/a b(c)<d>\\e\u2028'), 'https://x.example/a%20b%28c%29%3Cd%3E%5Ce%E2%80%A8');
  });

  it('entity card: an alias with a blank line and backticks stays in its code span; a fact with a lone CR and a pipe stays one row', () => {
    const entry: EntityEntry = {
      id: 'x',
      name: 'Hostile **Org**\r# heading',
      aliases: ['Two\n\nParagraphs', 'with `ticks` and ``more``', '`', 'CR\ronly', 'LS\u2028PS\u2029end'],
      type: 'org',
      office: 'Office\u2028- list',
      definition: 'First line\r\r- second [link](https://evil.example)',
      facts: [
        { label: 'Role\r| injected | row |', value: 'a\rb | c', asOf: '2024\r\n' },
        { label: 'Plain', value: 'value' },
      ],
      topics: [],
      source: 'https://example.org/a (b)',
    };
    const md = entityCard(entry);
    assertNoLineBreakFromData(md);
    const lines = md.split('\n');
    const rows = lines.filter((l) => l.startsWith('|'));
    assert.strictEqual(rows.length, 2 + entry.facts.length, md);
    for (const r of rows) assert.strictEqual(cells(r)?.length, 2, `row ${r}`);
    const also = lines.filter((l) => l.startsWith('Also: '));
    assert.strictEqual(also.length, 1, md);
    const { spans, outside, open } = codeSpans(also[0]);
    assert.ok(!open, `a code span left open: ${also[0]}`);
    assert.strictEqual(outside, `Also: ${', '.repeat(entry.aliases.length - 1)}`);
    assert.deepStrictEqual(spans, entry.aliases.map((a) => a.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')));
    assert.ok(lines[0].startsWith('**Hostile \\*\\*Org\\*\\* \\# heading** · '), lines[0]);
    assert.ok(!/(^|[^\\])\[link\]/.test(md), 'no link from data');
    assert.ok(lines.every((l) => !/^(#|- |\d+\. )/.test(l)), 'no heading or list from data');
  });

  it('cue card: a pattern id with a pipe and backtick, and a rule with a lone CR, keep the table whole', () => {
    const cue: Cue = { start: 0, end: 4, text: 'will', strength: 'firm', negated: false, actor: 'the | two\rleaders', sentence: 0, patternId: 'id|with`tick', governingVerb: 'will', rule: 'rule\rtwo' };
    const md = cueCard(cue, { id: cue.patternId, pattern: 'will', strength: 'firm', explanation: 'why\r\r- not a list', code: '0\r4' });
    assertNoLineBreakFromData(md);
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    assert.strictEqual(rows.length, 2 + 5, md);
    for (const r of rows) assert.strictEqual(cells(r)?.length, 2, `row ${r}`);
    const entry = rows.find((r) => r.startsWith('| Lexicon entry'))!;
    assert.deepStrictEqual(codeSpans(cells(entry)![1].replace(/\\\|/g, '|').trim()).spans, ['id|with`tick']);
  });

  it('status-bar tooltip row: a topic label with Markdown, a link, a pipe and a line break stays one cell', () => {
    const label = '**Bold** [click](https://evil.example) | x\r\n$(alert) <img>';
    const row = `| ${tableCell(label)} | 1 | 2 |`;
    assert.strictEqual(cells(row)?.length, 3, row);
    assert.ok(!row.includes('\n') && !row.includes('\r'));
    assert.ok(row.includes('\\[click\\]') && row.includes('\\$(alert)') && row.includes('\\<img\\>'), row);
  });

  it('Markdown export: hostile file names, titles and topic labels keep every table row', () => {
    const lexicon: Lexicon = { cues: [], entities: [], wordClasses: [], topics: [{ id: 'technology', label: 'Topic | with\rCR [x](y)', icon: 'globe', keywords: ['cables'], phrases: [], entities: [] }] };
    const compiled = compileLexicon(lexicon);
    const text = '---\ntitle: "Title\\r# not a heading"\ndate: 2024-03-14\n---\nThe leaders discussed undersea cables.\n';
    const analysis = analyze(text, compiled);
    const md = markdownReport([{ path: 'a\r|b.readout', analysis }, { path: 'c\u2028d.readout', analysis }], compiled);
    assertNoLineBreakFromData(md);
    const tables = md.split('\n').filter((l) => l.startsWith('|'));
    const widths = new Set(tables.map((l) => cells(l)?.length));
    for (const l of tables) assert.ok(cells(l), l);
    assert.ok([...widths].every((w) => w === 5 || w === 4), `rows of unexpected width: ${[...widths].join(', ')}\n${md}`);
    assert.ok(!md.split('\n').some((l) => l.startsWith('# not a heading')), md);
    assert.ok(tables.some((l) => l.startsWith('| Topic \\| with CR \\[x\\](y) |')), md);
  });
});
