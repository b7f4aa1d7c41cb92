// One file of `readout-lens analyze`, read, analysed and serialised in whichever thread has it (the main thread
// or a worker): the result is what the main thread writes, ready-made.
import * as path from 'path';
import { analyze, type CompiledLexicon } from '../core/pipeline/analyze';
import { csvRows, fileReport, ndjsonLine, type SarifInput } from '../core/report/report';
import { reason, type Problem } from './errors';
import { readText } from './files';
import { jsonReportPart } from './jsonReportStream';

export const FORMATS = ['json', 'ndjson', 'csv', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** What one file contributes to the output; plain data, as worker threads send it. */
export interface FileResult {
  index: number;
  /** A line of NDJSON, CSV rows, or the file's part of the JSON report. */
  text?: string;
  /** SARIF is written at the end, from every file's text and analysis. */
  sarif?: SarifInput;
  problems: Problem[];
}

export function analyzeFile(index: number, file: string, format: Format, compiled: CompiledLexicon, maxSizeMB: number): FileResult {
  const result: FileResult = { index, problems: [] };
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    result.problems.push({ kind: 'unreadable', message: `${file}: cannot analyse (${reason(err)})` });
    return result;
  }
  const analysis = analyze(text, compiled, { maxLength: Math.floor(maxSizeMB * 1024 * 1024) });
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
  if (analysis.truncated) result.problems.push({ kind: 'truncated', message: `${file}: analysed only the first ${maxSizeMB} MB` });
  switch (format) {
    case 'json':
      result.text = jsonReportPart(fileReport(rel, analysis));
      break;
    case 'ndjson':
      result.text = ndjsonLine(fileReport(rel, analysis));
      break;
    case 'csv':
      result.text = csvRows(rel, text, analysis).map((row) => row + '\n').join('');
      break;
    case 'sarif':
      result.sarif = { uri: rel, text, analysis };
      break;
  }
  return result;
}
