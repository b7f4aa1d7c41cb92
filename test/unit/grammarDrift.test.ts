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
  match: string;
  name: string;
}

const SCOPE = { firm: 'keyword.control.firm.readout', hedged: 'keyword.other.hedged.readout' } as const;

async function generator(): Promise<GrammarGenerator> {
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'generate-grammar.mjs')).href)) as GrammarGenerator;
}

function cueRules(grammarText: string): GeneratedRule[] {
  return (JSON.parse(grammarText) as { repository: { cues: { patterns: GeneratedRule[] } } }).repository.cues.patterns;
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
    for (const rule of cueRules(g.generateGrammar(readRepoFile(g.TEMPLATE), lexicon))) for (const id of rule.comment.split(', ')) seen.set(id, rule.name);
    for (const [id, strength] of strengthOf) assert.strictEqual(seen.get(id), SCOPE[strength], id);
    assert.strictEqual(seen.size, strengthOf.size);
  });

  it('a lexicon edit changes the grammar (so a stale grammar cannot pass)', async () => {
    const g = await generator();
    const lexicon = readRepoFile(g.LEXICON).replace(/\ncues:\n/, '\ncues:\n  - { id: forswore, pattern: "forsw{ear,ears,ore} <adv> to", strength: firm, explanation: "x" }\n');
    const rules = cueRules(g.generateGrammar(readRepoFile(g.TEMPLATE), lexicon));
    const rule = rules.find((r) => r.comment.split(', ').includes('forswore'));
    assert.strictEqual(rule?.name, SCOPE.firm);
    assert.ok(rule.match.includes('forswore') && rule.match.includes('forswears'));
  });
});
