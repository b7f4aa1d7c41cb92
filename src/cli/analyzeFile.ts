// One file of `readout-lens analyze`, read, analysed and serialised in whichever thread has it (the main thread
// or a worker): the result is what the main thread writes, ready-made.
import * as path from 'path';
import { analyze, truncationProblem } from '../core/pipeline/analyze';
import { type CompiledLexicon } from '../core/pipeline/compile';
import { csvRows, lazyFileReport, ndjsonLine, type LazyFileReport, type SarifInput } from '../core/report/report';
import type { Analysis } from '../core/types';
import { readTextFile } from '../runtime/readText';
import { noteInvalidText, reason, type Problem } from './errors';
import { writeJsonReportPart, type Piece } from './jsonReportStream';
import type { AnalyzeFormat as Format } from './formats';

/** What one file contributes to the output; plain data, as worker threads send it. */
export interface FileResult {
  index: number;
  /**
   * A line of NDJSON, CSV rows, or the file's part of the JSON report, in pieces to write in order; absent when
   * the pieces went to the `out` analyzeFile was given.
   */
  text?: string[];
  /** The file's part of the JSON report as UTF-8 (from a worker thread: its pieces in one buffer). */
  bytes?: Uint8Array;
  /** SARIF is written at the end, from every file's text and analysis. */
  sarif?: SarifInput;
  problems: Problem[];
}

/**
 * `file` read up to the size limit and analysed, with what is worth saying noted in `problems`; the Analysis
 * is what analyze() gives for the whole text (the reader counts the length of what it did not keep).
 */
export function analyzeReadout(file: string, compiled: CompiledLexicon, maxSizeMB: number, problems: Problem[]): { text: string; analysis: Analysis } {
  const maxLength = Math.floor(maxSizeMB * 1024 * 1024);
  const read = readTextFile(file, maxLength);
  const analysis = analyze(read.text, compiled, { maxLength });
  if (!read.complete) {
    // analyze() saw a prefix longer than the limit: the cut is the same, only the whole length is the reader's.
    analysis.textLength = read.length;
    const problems = analysis.readout.problems;
    const at = problems.findIndex((p) => p.code === 'truncated');
    if (at >= 0) problems[at] = truncationProblem(read.length, analysis.analyzedLength);
  }
  noteInvalidText(file, read, problems);
  if (analysis.truncated) {
    const rest = read.lengthKnown ? '' : ' (not a regular file: the rest was not read)';
    problems.push({ kind: 'warning', message: `${file}: analysed only the first ${maxSizeMB} MB${rest}` });
  }
  return { text: read.text, analysis };
}

/** The file's text and analysis; undefined, with the problem noted, when it cannot be read. */
function analyzed(file: string, compiled: CompiledLexicon, maxSizeMB: number, problems: Problem[]): { rel: string; text: string; analysis: Analysis } | undefined {
  let a: { text: string; analysis: Analysis };
  try {
    a = analyzeReadout(file, compiled, maxSizeMB, problems);
  } catch (err) {
    problems.push({ kind: 'unreadable', message: `${file}: cannot analyse (${reason(err)})` });
    return undefined;
  }
  return { rel: path.relative(process.cwd(), file).split(path.sep).join('/') || file, ...a };
}

/** The report of a file, its rows made as they are written (the text read stays behind, in analyzed()). */
function reportOf(file: string, compiled: CompiledLexicon, maxSizeMB: number, problems: Problem[]): LazyFileReport | undefined {
  const a = analyzed(file, compiled, maxSizeMB, problems);
  return a && lazyFileReport(a.rel, a.analysis);
}

/**
 * `out`, when given, receives the JSON part's pieces as they are made (the main thread writes them straight out;
 * a worker collects them into `text`).
 */
export function analyzeFile(index: number, file: string, format: Format, compiled: CompiledLexicon, maxSizeMB: number, out?: (piece: Piece) => void): FileResult {
  const result: FileResult = { index, problems: [] };
  if (format === 'json' || format === 'ndjson') {
    const report = reportOf(file, compiled, maxSizeMB, result.problems);
    if (report && format === 'ndjson') result.text = [ndjsonLine(report)];
    else if (report && out) writeJsonReportPart(report, out);
    else if (report) {
      const pieces: Uint8Array[] = [];
      writeJsonReportPart(report, (piece) => pieces.push(typeof piece === 'string' ? Buffer.from(piece) : piece));
      result.bytes = Buffer.concat(pieces);
    }
    return result;
  }
  const a = analyzed(file, compiled, maxSizeMB, result.problems);
  if (!a) return result;
  if (format === 'csv') result.text = [csvRows(a.rel, a.text, a.analysis).map((row) => row + '\n').join('')];
  else result.sarif = { uri: a.rel, text: a.text, analysis: a.analysis };
  return result;
}
