// The JSON report written file by file as results arrive, with the bytes jsonReport (src/core/report/report.ts)
// gives for all files at once: each file is that document for the file alone, cut out of its frame, so no
// string of the whole report is built and worker threads can serialise their own files.
import { jsonReport, type FileReport } from '../core/report/report';

/** What jsonReport puts before the line of a lone file and after that file: '{…"files": [\n' and '\n  ]\n}\n'. */
function frame(): { head: string; tail: string } {
  const probe = jsonReport(['\u0000'] as unknown as FileReport[]);
  const at = probe.indexOf('"\\u0000"');
  return { head: probe.slice(0, probe.lastIndexOf('\n', at) + 1), tail: probe.slice(at + '"\\u0000"'.length) };
}

let cached: { head: string; tail: string } | undefined;

/** One file's part of the report: its object, indented as inside the files array of the whole report. */
export function jsonReportPart(report: FileReport): string {
  const { head, tail } = (cached ??= frame());
  const doc = jsonReport([report]);
  if (!doc.startsWith(head) || !doc.endsWith(tail)) throw new Error('jsonReport is no longer {…, files: [...]}: the CLI cannot stream it');
  return doc.slice(head.length, doc.length - tail.length);
}

/** Writes the parts in order: the frame's head before the first, commas between, the tail at the end. */
export class JsonReportStream {
  private parts = 0;
  constructor(private readonly write: (chunk: string) => void) {}

  add(part: string): void {
    this.write(this.parts++ ? ',\n' : (cached ??= frame()).head);
    this.write(part);
  }

  end(): void {
    this.write(this.parts ? (cached ??= frame()).tail : jsonReport([]));
  }
}
