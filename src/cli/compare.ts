// readout-lens compare: two readouts of the same meeting side by side, as Markdown or JSON.
//   readout-lens compare [--format markdown|json] [--lexicon file.yaml] [--max-size-mb N] <A> <B>
// Exit 0 on success, 2 on bad arguments or unreadable input. Dispatched from src/cli.ts.
import * as path from 'path';
import { analyze } from '../core/pipeline/analyze';
import { compareAnalyses, comparisonMarkdown } from '../core/compare/compare';
import { loadCliLexicon, readText } from './cli';

export const COMPARE_USAGE = `Usage: readout-lens compare [options] <readout A> <readout B>

Puts two readouts of the same meeting side by side, aligned by topic: what each side stressed, what only one
side mentions, and commitments one side states firmly and the other hedges.

Options:
  --format markdown|json   output format (default: markdown)
  --lexicon file.yaml      add a user lexicon (repeatable)
  --max-size-mb N          analyse at most N MB of each file (default: 5)
  -h, --help               show this help

Exit codes: 0 success, 2 bad arguments or unreadable input.`;

/** argv: the arguments after "compare" (a leading "compare" is tolerated). Writes to stdout/stderr. */
export function runCompare(argv: string[]): number {
  const args = argv[0] === 'compare' ? argv.slice(1) : argv;
  let format: 'markdown' | 'json' = 'markdown';
  let maxSizeMB = 5;
  const lexicons: string[] = [];
  const inputs: string[] = [];
  const fail = (msg: string): number => {
    process.stderr.write(`readout-lens: ${msg}\n\n${COMPARE_USAGE}\n`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.split('=')[0];
    const value = (): string | undefined => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i]) || undefined;
    if (name === '-h' || name === '--help') {
      process.stdout.write(COMPARE_USAGE + '\n');
      return 0;
    } else if (name === '--format') {
      const f = value();
      if (f !== 'markdown' && f !== 'json' && f !== 'md') return fail(`unknown format "${f ?? ''}" (use markdown, json)`);
      format = f === 'json' ? 'json' : 'markdown';
    } else if (name === '--lexicon') {
      const f = value();
      if (!f) return fail('--lexicon needs a value');
      lexicons.push(f);
    } else if (name === '--max-size-mb') {
      const n = Number(value());
      if (!(n > 0)) return fail('--max-size-mb needs a positive number');
      maxSizeMB = n;
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail(`unknown option ${arg}`);
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length !== 2) return fail(`compare needs exactly two readouts (got ${inputs.length})`);

  const problems: string[] = [];
  const compiled = loadCliLexicon(lexicons, problems);
  const maxLength = Math.floor(maxSizeMB * 1024 * 1024);
  const sides = [];
  for (const file of inputs) {
    let text: string;
    try {
      text = readText(file);
    } catch (err) {
      process.stderr.write(`readout-lens: ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
      return 2;
    }
    const analysis = analyze(text, compiled, { maxLength });
    if (analysis.truncated) problems.push(`${file}: analysed only the first ${maxSizeMB} MB`);
    sides.push({ label: path.basename(file), text, analysis });
  }
  const comparison = compareAnalyses(sides[0], sides[1], compiled);
  process.stdout.write(format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : comparisonMarkdown(comparison));
  for (const p of problems) process.stderr.write(`readout-lens: ${p}\n`);
  return problems.some((p) => p.includes('cannot')) ? 2 : 0;
}
