// The JSON report written file by file as results arrive, with the bytes jsonReport (src/core/report/report.ts)
// gives for all files at once: each file is written as it sits in that document, by writeJson in pieces, so no
// string of the whole report (nor of one large file's part) is built and worker threads can serialise their own files.
import { JSON_FORMAT_VERSION, jsonReport, type FileReport, type LazyFileReport } from '../core/report/report';
import { writeJson } from '../core/report/jsonText';
import { writeJsonBytes } from './jsonBytes';

/** Depth of a file's object in the report: {…, "files": [ here ] }. */
const FILE_DEPTH = 2;

interface Frame {
  /** Up to the line of the first file: '{…"files": [\n'. */
  head: string;
  /** Before each file's object: its indentation. */
  indent: string;
  /** After the last file: '\n  ]\n}\n'. */
  tail: string;
}

let cached: Frame | undefined;

/** The report's frame, cut from jsonReport's own document around one file, so the two cannot disagree. */
function frame(): Frame {
  if (cached) return cached;
  const doc = jsonReport(['\u0000'] as unknown as FileReport[]);
  const at = doc.indexOf('"\\u0000"');
  const lineStart = doc.lastIndexOf('\n', at) + 1;
  const probe: string[] = [];
  writeJson({ version: JSON_FORMAT_VERSION, files: ['\u0000'] }, (p) => probe.push(p));
  if (probe.join('') + '\n' !== doc) throw new Error('writeJson and jsonReport disagree: src/cli/jsonReportStream.ts no longer writes the same bytes');
  return (cached = { head: doc.slice(0, lineStart), indent: doc.slice(lineStart, at), tail: doc.slice(at + '"\\u0000"'.length) });
}

/** A piece of the report: text, or its UTF-8 bytes. */
export type Piece = string | Uint8Array;

/** One file's part of the report, in pieces: its object, indented as inside the files array of the whole report. */
export function writeJsonReportPart(report: FileReport | LazyFileReport, out: (piece: Piece) => void): void {
  out(frame().indent);
  writeJsonBytes(report, out, FILE_DEPTH);
}

/** Writes the parts in order: the frame's head before the first, commas between, the tail at the end. */
export class JsonReportStream {
  private parts = 0;
  constructor(private readonly write: (chunk: Piece) => void) {}

  /** Where the next part's pieces go: its separator (or the head) is written before its first piece. */
  part(): (piece: Piece) => void {
    let started = false;
    return (piece) => {
      if (!started) {
        started = true;
        this.write(this.parts++ ? ',\n' : frame().head);
      }
      this.write(piece);
    };
  }

  /** A part made elsewhere (a worker thread), as its pieces. */
  add(pieces: readonly Piece[]): void {
    const out = this.part();
    for (const p of pieces) out(p);
  }

  end(): void {
    this.write(this.parts ? frame().tail : jsonReport([]));
  }
}
