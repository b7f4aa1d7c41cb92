// Guards the layout the design asks for (README, "Architecture"): the core is pure TypeScript with no editor API
// and no I/O; only the adapters (src/extension.ts, src/extension/) import vscode; no import cycle anywhere in
// src/; no source file over the size limit.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './helpers';

const srcDir = path.join(repoRoot, 'src');
/** Lines a source file may have: past this a file holds more than one job (design.md). */
export const MAX_SOURCE_LINES = 600;

/** Every .ts file below a folder, relative to src/ with forward slashes. */
function sourceFiles(dir = srcDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [path.relative(srcDir, p).split(path.sep).join('/')] : [];
  });
}

/** The module specifiers a file imports (static imports, re-exports and require calls; type-only ones too). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Resolves a relative specifier of `from` to a file under src/, or undefined for a package. */
function resolve(from: string, spec: string, known: Set<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const c of [`${base}.ts`, `${base}/index.ts`, base]) if (known.has(c)) return c;
  return undefined;
}

/** The first import cycle found in a graph, as the list of files around it, or undefined. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of [...graph.keys()].sort()) {
    if (!state.has(n)) {
      const c = visit(n);
      if (c) return c;
    }
  }
  return undefined;
}

describe('architecture', () => {
  const files = sourceFiles();
  const known = new Set(files);
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(srcDir, f), 'utf8')]));

  it('src has modules to check', () => {
    assert.ok(files.filter((f) => f.startsWith('core/')).length >= 10, files.join(', '));
  });

  for (const f of files) {
    const imports = importsOf(texts.get(f) as string);
    if (f.startsWith('core/')) {
      it(`src/${f} imports neither vscode nor Node's I/O modules`, () => {
        for (const forbidden of ['vscode', 'fs', 'path', 'child_process', 'node:fs', 'node:path', 'worker_threads', 'node:worker_threads', 'os', 'node:os']) {
          assert.ok(!imports.includes(forbidden), `${f} imports ${forbidden}`);
        }
      });
    } else if (!(f === 'extension.ts' || f.startsWith('extension/'))) {
      it(`src/${f} does not import vscode (only the adapters in src/extension may)`, () => {
        assert.ok(!imports.includes('vscode'), `${f} imports vscode`);
      });
    }
    it(`src/${f} has at most ${MAX_SOURCE_LINES} lines`, () => {
      const lines = (texts.get(f) as string).split('\n').length;
      assert.ok(lines <= MAX_SOURCE_LINES, `${f} has ${lines} lines`);
    });
  }

  it('src/core/ imports nothing from src/runtime, src/cli or src/extension', () => {
    for (const f of files.filter((x) => x.startsWith('core/'))) {
      for (const spec of importsOf(texts.get(f) as string)) {
        const target = resolve(f, spec, known);
        assert.ok(!target || target.startsWith('core/'), `${f} imports ${target}`);
      }
    }
  });

  it('has no import cycle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(texts.get(f) as string).flatMap((s) => resolve(f, s, known) ?? [])]));
    const cycle = findCycle(graph);
    assert.strictEqual(cycle, undefined, `import cycle: ${cycle?.join(' → ')}`);
  });

  it('the cycle check finds a cycle (a check that cannot fail proves nothing)', () => {
    assert.deepStrictEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
    assert.strictEqual(findCycle(new Map([['a', ['b']], ['b', []]])), undefined);
    assert.deepStrictEqual(importsOf("import type { X } from './x';\nexport { y } from '../y';\nconst z = require('z');"), ['./x', '../y', 'z']);
  });
});
