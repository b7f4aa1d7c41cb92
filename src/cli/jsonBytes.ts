// JSON.stringify(value, null, 2)'s text as UTF-8 bytes, written straight into buffers: the CLI's JSON report is
// mostly rows (a 20 MB readout makes ~150 MB of them), and text made by JSON.stringify, joined into pieces and then
// encoded for stdout cost more than the analysis that found them (the pieces are ropes, flattened and copied
// once more by the encoder). Here a value is walked once, every string encoded where it lands, and stdout gets
// the buffers as they fill. The rules stay JSON.stringify's: toJSON with its key, undefined, functions and symbols
// left out of objects and null in arrays, its escapes (a string that needs one is JSON.stringify's own text),
// numbers as it writes them; any object it treats in a way of its own (a boxed primitive) is its own text,
// re-indented. test/unit/jsonBytes.test.ts holds it to JSON.stringify on awkward values.
import { JsonRows } from '../core/report/jsonText';

/** Bytes of a buffer: large enough for few writes to stdout. */
const CHUNK = 1 << 20;
/** The first buffer's: most readouts' whole part fits, and a worker thread writes a part per file. */
const FIRST_CHUNK = 1 << 16;

/** A character JSON.stringify writes as an escape: quote, backslash, a C0 control, a surrogate (lone ones). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

const NEWLINES = /\n/g;

const hasOwn = Object.prototype.hasOwnProperty;

/** '\n' and the indentation of each depth, two spaces a level (the report's format), built once. */
const BREAKS: string[] = ['\n'];
function lineBreak(depth: number): string {
  while (BREAKS.length <= depth) BREAKS.push(BREAKS[BREAKS.length - 1] + '  ');
  return BREAKS[depth];
}

/** The punctuation of an array or object whose line is at some depth, as bytes (stored a byte at a time). */
interface Punctuation {
  /** '[' or '{' and the break before the first element. */
  openArray: Uint8Array;
  openObject: Uint8Array;
  /** ',' and the break before each next element. */
  next: Uint8Array;
  /** The break before ']' or '}', and it. */
  closeArray: Uint8Array;
  closeObject: Uint8Array;
}
const PUNCTUATION: Punctuation[] = [];
function punctuation(depth: number): Punctuation {
  let p = PUNCTUATION[depth];
  if (p === undefined) {
    const inner = lineBreak(depth + 1);
    const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
    p = PUNCTUATION[depth] = {
      openArray: bytes('[' + inner),
      openObject: bytes('{' + inner),
      next: bytes(',' + inner),
      closeArray: bytes(lineBreak(depth) + ']'),
      closeObject: bytes(lineBreak(depth) + '}'),
    };
  }
  return p;
}

/**
 * A key's text and the colon after it, as UTF-8, by key: a report repeats a few dozen keys millions of times, and
 * stored from bytes they leave the string writer to values (a writer that reads strings of every kind is slower).
 */
const KEYS = new Map<string, Uint8Array>();
function keyBytes(k: string): Uint8Array {
  let b = KEYS.get(k);
  if (b === undefined) {
    b = new Uint8Array(Buffer.from(JSON.stringify(k) + ': ', 'utf8'));
    // The report's keys are its own; a record with keys of the user's must not grow this without end.
    if (KEYS.size < 1024) KEYS.set(k, b);
  }
  return b;
}

/** Rows of a JsonRows made at once: they die young, never all the rows of a readout alive together. */
const ROWS_AT_ONCE = 256;

/** Left out of an object, null in an array: what JSON.stringify does with these. */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** What JSON.stringify writes for `v` as the value of `key`: its toJSON() when it has one (a Date); JsonRows are walked here. */
function jsonOf(v: unknown, key: string | number): unknown {
  return v !== null && typeof v === 'object' && !(v instanceof JsonRows) && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(k: string): unknown }).toJSON(String(key)) : v;
}

/** Buffer's UTF-8 writer without write()'s argument checks (Node's own, on every Buffer). */
interface Utf8Buffer extends Buffer {
  utf8Write(s: string, offset: number): number;
}

export class JsonBytes {
  private buf = Buffer.allocUnsafe(FIRST_CHUNK) as Utf8Buffer;
  /** Bytes of buf already handed out: stdout may hold on to them (a pipe it could not write at once). */
  private from = 0;
  private n = 0;
  constructor(private readonly out: (bytes: Uint8Array) => void) {}

  /** Room for `bytes` more bytes; what was written so far is handed out first when the buffer is full. */
  private room(bytes: number): void {
    if (this.n + bytes <= this.buf.length) return;
    this.flush();
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, bytes)) as Utf8Buffer;
    this.from = this.n = 0;
  }

  /** Text as UTF-8 (at most 3 bytes a UTF-16 unit). */
  raw(s: string): void {
    this.room(s.length * 3);
    this.n += this.buf.utf8Write(s, this.n);
  }

  /**
   * Text of ASCII characters (the report's own punctuation, indentation, digits), stored a byte at a time: for
   * the short texts a report is made of, cheaper than a call into the encoder.
   */
  private ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < s.length; i++) buf[n++] = s.charCodeAt(i);
    this.n = n;
  }

  /** Bytes made once (the report's punctuation), a byte at a time: they are short. */
  private bytes(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < b.length; i++) buf[n++] = b[i];
    this.n = n;
  }

  flush(): void {
    if (this.n > this.from) this.out(this.buf.subarray(this.from, this.n));
    this.from = this.n;
  }

  /** A string as JSON.stringify writes it: ASCII with nothing to escape a byte at a time, the rest by the encoder. */
  private string(s: string): void {
    const length = s.length;
    this.room(length * 3 + 2);
    const buf = this.buf;
    const at = this.n;
    let n = at;
    buf[n++] = 0x22;
    for (let i = 0; i < length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
        // Not plain ASCII: written again whole, by the encoder (escaped as JSON.stringify does when it must be).
        this.n = at;
        if (NEEDS_ESCAPE.test(s)) this.raw(JSON.stringify(s));
        else {
          buf[this.n++] = 0x22;
          this.n += buf.utf8Write(s, this.n);
          buf[this.n++] = 0x22;
        }
        return;
      }
      buf[n++] = c;
    }
    buf[n++] = 0x22;
    this.n = n;
  }

  /** A number as JSON.stringify writes it; a small non-negative integer (offsets, indices) digit by digit. */
  private number(v: number): void {
    if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) {
      this.room(10);
      const buf = this.buf;
      let digits = 1;
      for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
      let n = this.n + digits;
      this.n = n;
      let x = v;
      do {
        buf[--n] = 0x30 + (x % 10);
        x = (x / 10) | 0;
      } while (x > 0);
      return;
    }
    this.ascii(Number.isFinite(v) ? String(v) : 'null');
  }

  /** `v` (toJSON applied, not skipped) at `depth`, its first line already indented. */
  value(v: unknown, depth: number): void {
    switch (typeof v) {
      case 'string':
        this.string(v);
        return;
      case 'number':
        this.number(v);
        return;
      case 'boolean':
        this.ascii(v ? 'true' : 'false');
        return;
      case 'object':
        if (v === null) this.ascii('null');
        else if (Array.isArray(v)) this.array(v, depth);
        else if (v instanceof JsonRows) this.rows(v, depth);
        else if (v instanceof Number || v instanceof String || v instanceof Boolean) this.stringified(v, depth);
        else this.object(v as Record<string, unknown>, depth);
        return;
      default:
        this.stringified(v, depth);
    }
  }

  /** JSON.stringify's own text of `v` (it throws on what it cannot write: a BigInt), indented to `depth`. */
  private stringified(v: unknown, depth: number): void {
    const text = JSON.stringify(v, null, 2);
    this.raw(depth === 0 || text.indexOf('\n') < 0 ? text : text.replace(NEWLINES, lineBreak(depth)));
  }

  private element(v: unknown, index: number, depth: number): void {
    const j = jsonOf(v, index);
    if (skipped(j)) this.ascii('null');
    else this.value(j, depth);
  }

  private array(a: readonly unknown[], depth: number): void {
    if (a.length === 0) {
      this.ascii('[]');
      return;
    }
    const p = punctuation(depth);
    for (let i = 0; i < a.length; i++) {
      this.bytes(i === 0 ? p.openArray : p.next);
      this.element(a[i], i, depth + 1);
    }
    this.bytes(p.closeArray);
  }

  /** A JsonRows as the array of its rows, made ROWS_AT_ONCE at a time. */
  private rows(r: JsonRows<unknown>, depth: number): void {
    if (r.length === 0) {
      this.ascii('[]');
      return;
    }
    const p = punctuation(depth);
    for (let i = 0; i < r.length; i += ROWS_AT_ONCE) {
      const run = r.slice(i, i + ROWS_AT_ONCE);
      for (let k = 0; k < run.length; k++) {
        this.bytes(i + k === 0 ? p.openArray : p.next);
        this.element(run[k], i + k, depth + 1);
      }
    }
    this.bytes(p.closeArray);
  }

  private object(o: Record<string, unknown>, depth: number): void {
    const p = punctuation(depth);
    let first = true;
    // for-in with an own-property test is Object.keys' order (JSON.stringify's), without an array a row.
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue;
      const v = jsonOf(o[k], k);
      if (skipped(v)) continue;
      this.bytes(first ? p.openObject : p.next);
      this.bytes(keyBytes(k));
      this.value(v, depth + 1);
      first = false;
    }
    if (first) this.ascii('{}');
    else this.bytes(p.closeObject);
  }
}

/**
 * Hands `out` the UTF-8 bytes of JSON.stringify(value, null, 2), as if written at `depth` levels of a larger
 * document (its lines after the first indented by 2 × depth more spaces), in buffers of about CHUNK bytes;
 * `value` must be one JSON.stringify writes (not undefined). `out` may keep the buffers it is given.
 */
export function writeJsonBytes(value: unknown, out: (bytes: Uint8Array) => void, depth = 0): void {
  const w = new JsonBytes(out);
  const v = jsonOf(value, '');
  if (skipped(v)) throw new Error('writeJsonBytes: JSON.stringify writes no text for this value');
  w.value(v, depth);
  w.flush();
}
