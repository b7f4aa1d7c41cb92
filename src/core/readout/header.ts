// The readout's header: YAML front matter, the inline `date YYYY-MM-DD` line, or a corpus metadata block
// (`key: value` lines up to the first blank line). Problems in it are reported with their offsets.
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { formatCount } from '../text/format';
import type { ReadoutHeader, ReadoutProblem } from '../types';

const CH_LF = 10;
const CH_CR = 13;

export interface HeaderResult {
  header: ReadoutHeader;
  bodyStart: number;
}

const INLINE_HEADER = /^[\s\uFEFF]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/;
const METADATA_KEYS = new Set(['source', 'date', 'government', 'title', 'completeness', 'participants']);

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

export function lineEndAt(text: string, pos: number): number {
  let e = pos;
  const n = text.length;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === CH_LF || c === CH_CR) break;
    e++;
  }
  return e;
}

export function nextLineStart(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === CH_CR && text.charCodeAt(lineEnd + 1) === CH_LF) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

function parseFrontMatter(text: string, fence: number, problems: ReadoutProblem[]): HeaderResult | undefined {
  const firstEnd = lineEndAt(text, fence);
  if (text.slice(fence, firstEnd).trimEnd() !== '---') return undefined;
  const contentStart = nextLineStart(text, firstEnd);
  let pos = contentStart;
  while (pos < text.length) {
    const le = lineEndAt(text, pos);
    const line = text.slice(pos, le).trimEnd();
    if (line === '---' || line === '...') {
      const header: ReadoutHeader = { kind: 'front-matter', span: { start: fence, end: le } };
      readYamlHeader(text.slice(contentStart, pos), contentStart, header, problems);
      return { header, bodyStart: nextLineStart(text, le) };
    }
    pos = nextLineStart(text, le);
    if (pos === le) break;
  }
  problems.push({
    start: fence,
    end: firstEnd,
    code: 'front-matter-unclosed',
    message: 'Front matter starts with "---" but has no closing "---" line; it is read as text.',
    severity: 'warning',
  });
  return undefined;
}

/** Front matter longer than this is not parsed (reported instead): a header is a few lines, not a data file. */
export const MAX_FRONT_MATTER_LENGTH = 256 * 1024;

/**
 * Duplicate keys of every mapping in the document, each with its range, found in one pass with a set per
 * mapping. (yaml's own `uniqueKeys` check compares every key with every other: seconds on a few thousand keys.)
 */
function duplicateKeys(doc: Document.Parsed): [number, number][] {
  const found: [number, number][] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        const name = isScalar(key) ? `s:${String(key.value)}` : `n:${String(key)}`;
        if (seen.has(name)) {
          const range = (key as { range?: [number, number, number] } | null)?.range;
          if (range) found.push([range[0], range[1]]);
        } else seen.add(name);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

function readYamlHeader(rawYaml: string, offset: number, header: ReadoutHeader, problems: ReadoutProblem[]): void {
  if (rawYaml.length > MAX_FRONT_MATTER_LENGTH) {
    problems.push({
      start: offset,
      end: offset + 1,
      code: 'front-matter-size',
      message: `Front matter is ${formatCount(rawYaml.length)} characters long (over ${formatCount(MAX_FRONT_MATTER_LENGTH)}); it was not read, the text after it was.`,
      severity: 'warning',
    });
    return;
  }
  // A lone CR ends a line for the reader but not for the YAML parser; LF in its place keeps every offset.
  const yamlText = rawYaml.includes('\r') ? rawYaml.replace(/\r(?!\n)/g, '\n') : rawYaml;
  let data: unknown;
  try {
    // Data only: the core schema has no custom or language-specific tags, and aliases are capped.
    const doc = parseDocument(yamlText, { schema: 'core', customTags: [], prettyErrors: false, uniqueKeys: false });
    const duplicates = doc.errors.length === 0 ? duplicateKeys(doc) : [];
    for (const [start, end] of duplicates) {
      problems.push({ start: offset + start, end: offset + Math.max(end, start), code: 'front-matter-yaml', message: 'Front matter: Map keys must be unique', severity: 'error' });
    }
    if (duplicates.length > 0) return;
    for (const e of doc.errors) {
      problems.push({
        start: offset + e.pos[0],
        end: offset + Math.max(e.pos[1], e.pos[0]),
        code: 'front-matter-yaml',
        message: `Front matter: ${e.message.split('\n')[0]}`,
        severity: 'error',
      });
    }
    if (doc.errors.length > 0) return;
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    problems.push({
      start: offset,
      end: offset + yamlText.length,
      code: 'front-matter-yaml',
      message: `Front matter: ${err instanceof Error ? err.message : String(err)}`,
      severity: 'error',
    });
    return;
  }
  if (data == null) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      start: offset,
      end: offset + yamlText.length,
      code: 'front-matter-shape',
      message: 'Front matter must be a mapping of keys (title, date, source, government, participants).',
      severity: 'warning',
    });
    return;
  }
  const rec = data as Record<string, unknown>;
  for (const key of ['title', 'date', 'source', 'government'] as const) {
    const value = stringField(rec[key]);
    if (value !== undefined) header[key] = value;
  }
  const p = rec.participants;
  if (Array.isArray(p)) header.participants = p.map(stringField).filter((s): s is string => s !== undefined);
  else if (typeof p === 'string') header.participants = [p];
}

/** The corpus metadata block: `key: value` lines (known keys only) up to the first blank line. */
function parseMetadataBlock(text: string): HeaderResult | undefined {
  const header: ReadoutHeader = { kind: 'metadata' };
  let pos = 0;
  let lastEnd = 0;
  let lines = 0;
  while (pos < text.length) {
    const le = lineEndAt(text, pos);
    const line = text.slice(pos, le);
    if (line.trim().length === 0) break;
    const m = /^([A-Za-z][A-Za-z_-]{0,30}):[ \t]+(.*)$/.exec(line);
    if (!m || !METADATA_KEYS.has(m[1].toLowerCase())) return undefined;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'participants') header.participants = value.split(/\s*[;,]\s*/).filter((s) => s.length > 0);
    else if (key !== 'completeness') (header as unknown as Record<string, string>)[key] = value;
    lastEnd = pos + line.trimEnd().length;
    lines++;
    const nl = nextLineStart(text, le);
    if (nl === le) break;
    pos = nl;
  }
  if (lines === 0) return undefined;
  header.span = { start: 0, end: lastEnd };
  return { header, bodyStart: lastEnd };
}

export function parseHeader(text: string, problems: ReadoutProblem[]): HeaderResult {
  let fence = 0;
  if (text.charCodeAt(0) === 0xfeff) fence = 1;
  if (text.startsWith('---', fence)) {
    const fm = parseFrontMatter(text, fence, problems);
    if (fm) return fm;
    return { header: { kind: 'none' }, bodyStart: 0 };
  }
  const inline = INLINE_HEADER.exec(text.length > 200 ? text.slice(0, 200) : text);
  if (inline) {
    const end = inline[0].length;
    const start = end - inline[0].trimStart().length;
    const date = inline[1];
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      problems.push({ start, end, code: 'header-date', message: `Header date ${date} is not a valid date.`, severity: 'warning' });
    }
    let body = end;
    while (body < text.length && (text.charCodeAt(body) === 32 || text.charCodeAt(body) === 9)) body++;
    return { header: { kind: 'inline', span: { start, end }, date }, bodyStart: body };
  }
  return parseMetadataBlock(text) ?? { header: { kind: 'none' }, bodyStart: 0 };
}
