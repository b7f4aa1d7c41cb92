// The JSON report written file by file as results arrive, with the bytes jsonReport (src/core/report/report.ts)
// gives for all files at once: each file is that document for the file alone, cut out of its frame, so no
// string of the whole report is built and worker threads can serialise their own files.
import { JSON_FORMAT_VERSION, jsonReport, type FileReport } from '../core/report/report';

/**
 * jsonReport's document without its final newline: appended to a string of tens of MB, that newline makes a
 * rope which the first read of it copies whole. frame() checks that the two still agree.
 */
function documentOf(files: FileReport[]): string {
  return JSON.stringify({ version: JSON_FORMAT_VERSION, files }, null, 2);
}

interface Frame {
  /** Up to the line of the first file: '{…"files": [\n'. */
  head: string;
  /** After the last file, without the final newline: '\n  ]\n}'. */
  tail: string;
}

let cached: Frame | undefined;

function frame(): Frame {
  if (cached) return cached;
  const probe = ['\u0000'] as unknown as FileReport[];
  const doc = documentOf(probe);
  if (doc + '\n' !== jsonReport(probe)) throw new Error('jsonReport changed its document: src/cli/jsonReportStream.ts no longer writes the same bytes');
  const at = doc.indexOf('"\\u0000"');
  return (cached = { head: doc.slice(0, doc.lastIndexOf('\n', at) + 1), tail: doc.slice(at + '"\\u0000"'.length) });
}

/** One file's part of the report: its object, indented as inside the files array of the whole report. */
export function jsonReportPart(report: FileReport): string {
  const { head, tail } = frame();
  const doc = documentOf([report]);
  if (!doc.startsWith(head) || !doc.endsWith(tail)) throw new Error('jsonReport is no longer {…, files: [...]}: the CLI cannot stream it');
  return doc.slice(head.length, doc.length - tail.length);
}

/** Writes the parts in order: the frame's head before the first, commas between, the tail at the end. */
export class JsonReportStream {
  private parts = 0;
  constructor(private readonly write: (chunk: string) => void) {}

  add(part: string): void {
    this.write(this.parts++ ? ',\n' : frame().head);
    this.write(part);
  }

  end(): void {
    this.write(this.parts ? frame().tail + '\n' : jsonReport([]));
  }
}
