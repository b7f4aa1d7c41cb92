// `readout-lens compare`: two readouts of the same meeting side by side, aligned by topic, as Markdown or JSON.
import * as path from 'path';
import { compareAnalyses, comparisonMarkdown } from '../core/compare/compare';
import type { ParsedArgs } from './args';
import { CliError, exitCode, reason, usageError, type Problem } from './errors';
import { analyzeReadout } from './analyzeFile';
import type { CompareFormat } from './formats';
import { loadCliLexicon } from './lexicon';
import { sayProblem, writeOut } from './output';

export interface CompareOptions {
  format: CompareFormat;
  lexicons: string[];
  maxSizeMB: number;
  inputs: [string, string];
}

/** The options from the command line, as src/cli/commands.ts declares and checks them. */
export function compareOptions({ values, positionals }: ParsedArgs): CompareOptions {
  if (positionals.length !== 2) throw usageError(`compare needs exactly two readouts (got ${positionals.length})`);
  return {
    format: values.format === 'json' ? 'json' : 'markdown',
    lexicons: (values.lexicon as string[] | undefined) ?? [],
    maxSizeMB: (values['max-size-mb'] as number | undefined) ?? 5,
    inputs: [positionals[0], positionals[1]],
  };
}

export function runCompare(opts: CompareOptions): number {
  const problems: Problem[] = [];
  const { compiled } = loadCliLexicon(opts.lexicons, problems);
  const sides = opts.inputs.map((file) => {
    try {
      return { label: path.basename(file), ...analyzeReadout(file, compiled, opts.maxSizeMB, problems) };
    } catch (err) {
      throw new CliError('unreadable', `${file}: cannot read (${reason(err)})`);
    }
  });
  const comparison = compareAnalyses(sides[0], sides[1], compiled);
  writeOut(opts.format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : comparisonMarkdown(comparison));
  for (const p of problems) sayProblem(p.message);
  return exitCode(problems);
}
