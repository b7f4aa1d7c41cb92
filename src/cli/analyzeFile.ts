// One file of `readout-lens analyze`, read, analysed and serialised in whichever thread has it (the main thread
// or a worker): the result is what the main thread writes, ready-made.
import * as path from 'path';
import { analyze } from '../core/pipeline/analyze';
import { type CompiledLexicon } from '../core/pipeline/compile';
import { csvRows, fileReport, ndjsonLine, type FileReport, type SarifInput } from '../core/report/report';
import type { Analysis } from '../core/types';
import { reason, type Problem } from './errors';
import { readText } from './files';
import { jsonReportPart } from './jsonReportStream';
import type { AnalyzeFormat as Format } from './formats';

/** What one file contributes to the output; plain data, as worker threads send it. */
export interface FileResult {
  index: number;
  /** A line of NDJSON, CSV rows, or the file's part of the JSON report. */
  text?: string;
  /** SARIF is written at the end, from every file's text and analysis. */
  sarif?: SarifInput;
  problems: Problem[];
}

/** The file's text and analysis; undefined, with the problem noted, when it cannot be read. */
function analyzed(file: string, compiled: CompiledLexicon, maxSizeMB: number, problems: Problem[]): { rel: string; text: string; analysis: Analysis } | undefined {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    problems.push({ kind: 'unreadable', message: `${file}: cannot analyse (${reason(err)})` });
    return undefined;
  }
  const analysis = analyze(text, compiled, { maxLength: Math.floor(maxSizeMB * 1024 * 1024) });
  if (analysis.truncated) problems.push({ kind: 'warning', message: `${file}: analysed only the first ${maxSizeMB} MB` });
  return { rel: path.relative(process.cwd(), file).split(path.sep).join('/') || file, text, analysis };
}

/** A function of its own, so that the Analysis can be collected while the report is serialised. */
function reportOf(file: string, compiled: CompiledLexicon, maxSizeMB: number, problems: Problem[]): FileReport | undefined {
  const a = analyzed(file, compiled, maxSizeMB, problems);
  return a && fileReport(a.rel, a.analysis);
}

export function analyzeFile(index: number, file: string, format: Format, compiled: CompiledLexicon, maxSizeMB: number): FileResult {
  const result: FileResult = { index, problems: [] };
  if (format === 'json' || format === 'ndjson') {
    const report = reportOf(file, compiled, maxSizeMB, result.problems);
    if (report) result.text = format === 'json' ? jsonReportPart(report) : ndjsonLine(report);
    return result;
  }
  const a = analyzed(file, compiled, maxSizeMB, result.problems);
  if (!a) return result;
  if (format === 'csv') result.text = csvRows(a.rel, a.text, a.analysis).map((row) => row + '\n').join('');
  else result.sarif = { uri: a.rel, text: a.text, analysis: a.analysis };
  return result;
}
