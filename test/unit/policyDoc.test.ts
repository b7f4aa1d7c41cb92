// docs/commitment-policy.md is what the code cites: every rule id cited in src/ and test/ must have its heading or
// anchor there, and the doc must list exactly the topic ids and entity types the lexicons accept.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import { readRepoFile, repoRoot } from './helpers';

const DOC = 'docs/commitment-policy.md';
const CITATION = /\bpolicy ([CTE]\d+|S-(?:firm|hedged))\b/g;
const FIXED_IDS = ['S-firm', 'S-hedged', 'C1', 'C2', 'C3', 'C4', 'C5', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mjs|js|md)$/.test(e.name) ? [p] : [];
  });
}

/** Ids the doc defines: a heading that starts with the id, or an explicit anchor. */
function definedIds(doc: string): Set<string> {
  const ids = new Set<string>();
  for (const m of doc.matchAll(/^#{1,6}\s+([A-Za-z]+-?[\w.]*?)(?=\s|$)/gm)) ids.add(m[1]);
  for (const m of doc.matchAll(/<a id="([^"]+)"><\/a>/g)) ids.add(m[1]);
  return ids;
}

/** The first column of the first table under a "## " section. */
function tableIds(doc: string, section: string): string[] {
  const start = doc.indexOf(`\n## ${section}\n`);
  assert.ok(start >= 0, `no section "## ${section}"`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
}

describe('docs/commitment-policy.md', () => {
  const doc = readRepoFile(DOC);

  it('defines every rule id that src/ and test/ cite as "policy <id>", and the fixed ids', () => {
    const defined = definedIds(doc);
    const cited = new Map<string, string>();
    for (const file of [...sourceFiles(path.join(repoRoot, 'src')), ...sourceFiles(path.join(repoRoot, 'test'))]) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(CITATION)) if (!cited.has(m[1])) cited.set(m[1], path.relative(repoRoot, file));
    }
    for (const [id, file] of cited) assert.ok(defined.has(id), `${file} cites policy ${id}, which ${DOC} does not define`);
    for (const id of FIXED_IDS) assert.ok(defined.has(id), `${DOC} lacks rule ${id}`);
  });

  it('lists exactly the topic ids of lexicons/topics.yaml', () => {
    const topics = (YAML.parse(readRepoFile('lexicons/topics.yaml')) as { topics: { id: string }[] }).topics.map((t) => t.id);
    assert.deepStrictEqual(tableIds(doc, 'Topics'), topics);
  });

  it('lists exactly the entity types the lexicon schema allows', () => {
    const schema = JSON.parse(readRepoFile('lexicons/lexicon.schema.json')) as { definitions: { entity: { properties: { type: { enum: string[] } } } } };
    assert.deepStrictEqual(tableIds(doc, 'Entities'), schema.definitions.entity.properties.type.enum);
  });
});
