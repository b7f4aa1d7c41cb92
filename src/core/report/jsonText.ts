// JSON.stringify(value, null, 2)'s bytes, handed out in pieces of about CHUNK code units: a report of 100 MB never
// becomes one string (which V8 builds as a rope, then flattens and copies whole for every read and write of it).
// The value and its arrays are walked here; every other value (a record, a string, a number) is JSON.stringify's
// own text, re-indented, so the rules (toJSON, escapes, left-out undefined) stay JSON.stringify's.

/** Code units gathered before a piece is handed out: big enough for few writes, small enough to stay young. */
const CHUNK = 1 << 16;

/** Indentation strings by depth, two spaces a level (the report's format), built once. */
const INDENTS: string[] = [''];
function indent(depth: number): string {
  while (INDENTS.length <= depth) INDENTS.push(INDENTS[INDENTS.length - 1] + '  ');
  return INDENTS[depth];
}

/** Left out of an object, null in an array: what JSON.stringify does with these. */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** What JSON.stringify writes for `v` as the value of `key`: its toJSON() when it has one (a Date); JsonRows are walked here. */
function jsonOf(v: unknown, key: string | number): unknown {
  return v !== null && typeof v === 'object' && !(v instanceof JsonRows) && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(k: string): unknown }).toJSON(String(key)) : v;
}

const NEWLINES = /\n/g;

/**
 * An array whose elements are made when they are read: writeJson writes it as the array of its rows, making
 * them a run at a time; JSON.stringify, through toJSON, as the same array made whole.
 */
export class JsonRows<T> {
  constructor(
    readonly length: number,
    private readonly row: (i: number) => T,
  ) {}

  /** Rows [from, to). */
  slice(from: number, to: number): T[] {
    const end = Math.min(to, this.length);
    const rows = new Array<T>(Math.max(0, end - from));
    for (let i = from; i < end; i++) rows[i - from] = this.row(i);
    return rows;
  }

  all(): T[] {
    return this.slice(0, this.length);
  }

  toJSON(): T[] {
    return this.all();
  }
}

/** Elements of an array stringified in one call: few calls, pieces of tens of KB. */
const ELEMENTS_AT_ONCE = 256;

interface ArrayFrame {
  /** An array in `depth` arrays, each its parent's only element. */
  wrap(elements: unknown[]): unknown[];
  /** Code units of JSON.stringify(wrap(elements), null, 2) before its first element's text, and after its last's. */
  head: number;
  tail: number;
}

const FRAMES: ArrayFrame[] = [];
function arrayFrame(depth: number): ArrayFrame {
  let frame = FRAMES[depth];
  if (frame) return frame;
  const wrap = (elements: unknown[]): unknown[] => {
    let v = elements;
    for (let d = 0; d < depth; d++) v = [v];
    return v;
  };
  // Measured on a probe, so the frame is JSON.stringify's own.
  const probe = JSON.stringify(wrap(['\u0000']), null, 2);
  const at = probe.indexOf('"\\u0000"');
  frame = { wrap, head: at, tail: probe.length - at - '"\\u0000"'.length };
  return (FRAMES[depth] = frame);
}

class JsonPieces {
  private buf = '';
  constructor(private readonly out: (piece: string) => void) {}

  private put(s: string): void {
    this.buf += s;
    if (this.buf.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.buf !== '') this.out(this.buf);
    this.buf = '';
  }

  /**
   * `v` (toJSON applied, not skipped) at `depth`, its first line already indented. JSON text holds no raw line
   * break but between its lines (a string's are escaped), so indenting after each one moves it down exactly.
   */
  value(v: unknown, depth: number, walk: boolean): void {
    if (Array.isArray(v) || v instanceof JsonRows) this.array(v as ArrayLike<unknown> & { slice(from: number, to: number): unknown[] }, depth);
    else if (walk && v !== null && typeof v === 'object' && !(v instanceof Number || v instanceof String || v instanceof Boolean)) this.object(v as Record<string, unknown>, depth);
    else {
      const text = JSON.stringify(v, null, 2);
      this.put(depth === 0 || text.indexOf('\n') < 0 ? text : text.replace(NEWLINES, '\n' + indent(depth)));
    }
  }

  /**
   * `a` at `depth`, ELEMENTS_AT_ONCE elements to a JSON.stringify call: each run of them is stringified inside as
   * many arrays as `depth`, which gives its lines the indentation they have here, and cut out of that frame.
   * (So a toJSON of an element sees its index within the run.)
   */
  private array(a: ArrayLike<unknown> & { slice(from: number, to: number): unknown[] }, depth: number): void {
    if (a.length === 0) {
      this.put('[]');
      return;
    }
    const inner = indent(depth + 1);
    const frame = arrayFrame(depth);
    for (let i = 0; i < a.length; i += ELEMENTS_AT_ONCE) {
      const run = JSON.stringify(frame.wrap(a.slice(i, i + ELEMENTS_AT_ONCE)), null, 2);
      this.put((i === 0 ? '[\n' : ',\n') + inner + run.slice(frame.head, run.length - frame.tail));
    }
    this.put('\n' + indent(depth) + ']');
  }

  private object(o: Record<string, unknown>, depth: number): void {
    const inner = indent(depth + 1);
    let first = true;
    for (const k of Object.keys(o)) {
      const v = jsonOf(o[k], k);
      if (skipped(v)) continue;
      this.put((first ? '{\n' : ',\n') + inner + JSON.stringify(k) + ': ');
      first = false;
      this.value(v, depth + 1, false);
    }
    this.put(first ? '{}' : '\n' + indent(depth) + '}');
  }
}

/**
 * Hands `out` the text of JSON.stringify(value, null, 2) in order, in pieces, as if written at `depth` levels of a
 * larger document (its lines after the first indented by 2 × depth more spaces); `value` must be a value
 * JSON.stringify writes (not undefined). The value, when an object, and every array are split into pieces; any
 * other value is written whole.
 */
export function writeJson(value: unknown, out: (piece: string) => void, depth = 0): void {
  const pieces = new JsonPieces(out);
  pieces.value(jsonOf(value, ''), depth, true);
  pieces.flush();
}
