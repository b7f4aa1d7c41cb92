// The committed TextMate grammar must be what scripts/generate-grammar.mjs makes from lexicons/commitments.yaml now,
// so a cue added to the lexicon without a rebuild fails here rather than going uncoloured.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readRepoFile, repoRoot } from './helpers';

interface GrammarGenerator {
  TEMPLATE: string;
  GRAMMAR: string;
  LEXICON: string;
  generateGrammar(templateText: string, lexiconText: string): string;
}
interface GeneratedRule {
  comment: string;
  name: string;
}

const SCOPE = { firm: 'keyword.control.firm.readout', hedged: 'keyword.other.hedged.readout' } as const;

async function generator(): Promise<GrammarGenerator> {
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'generate-grammar.mjs')).href)) as GrammarGenerator;
}

/** The generated entry: one regex, one capture (scope + the lexicon ids it colours) per run of one strength. */
function cueEntry(grammarText: string): { match: string; runs: GeneratedRule[] } {
  const cues = (JSON.parse(grammarText) as { repository: { cues: { match: string; captures: Record<string, GeneratedRule> } } }).repository.cues;
  return { match: cues.match, runs: Object.values(cues.captures) };
}

describe('grammar generated from the cue lexicon', () => {
  it('the committed grammar is what the generator makes from the lexicon now', async () => {
    const g = await generator();
    const fresh = g.generateGrammar(readRepoFile(g.TEMPLATE), readRepoFile(g.LEXICON));
    assert.ok(fresh === readRepoFile(g.GRAMMAR), `${g.GRAMMAR} is stale: run \`node esbuild.js\` (or node scripts/generate-grammar.mjs) and commit it`);
  });

  it('colours every lexicon cue with the scope of its strength', async () => {
    const g = await generator();
    const lexicon = readRepoFile(g.LEXICON);
    const strengthOf = new Map([...lexicon.matchAll(/\{ id: ([\w-]+),.*?strength: (firm|hedged)/g)].map((m) => [m[1], m[2] as 'firm' | 'hedged']));
    assert.ok(strengthOf.size > 50);
    const seen = new Map<string, string>();
    for (const rule of cueEntry(g.generateGrammar(readRepoFile(g.TEMPLATE), lexicon)).runs) for (const id of rule.comment.split(', ')) seen.set(id, rule.name);
    for (const [id, strength] of strengthOf) assert.strictEqual(seen.get(id), SCOPE[strength], id);
    assert.strictEqual(seen.size, strengthOf.size);
  });

  it('a lexicon edit changes the grammar (so a stale grammar cannot pass)', async () => {
    const g = await generator();
    const lexicon = readRepoFile(g.LEXICON).replace(/\ncues:\n/, '\ncues:\n  - { id: forswore, pattern: "forsw{ear,ears,ore} <adv> to", strength: firm, explanation: "x" }\n');
    const entry = cueEntry(g.generateGrammar(readRepoFile(g.TEMPLATE), lexicon));
    assert.strictEqual(entry.runs.find((r) => r.comment.split(', ').includes('forswore'))?.name, SCOPE.firm);
    assert.ok(entry.match.includes('forswore') && entry.match.includes('forswears'));
  });
});
