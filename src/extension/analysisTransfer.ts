// The message protocol between AnalysisService and the analysis worker, and how an Analysis is cut into
// chunks (arrays sliced, everything else sent once) and put back together. No 'vscode' import: the worker
// bundle includes this file.
import type { Analysis } from '../core/types';

/** Array items per chunk: small enough that deserialising one chunk takes a few milliseconds. */
export const CHUNK_ITEMS = 1000;

export type HostMessage =
  | { type: 'lexicon'; lexicon: unknown }
  | { type: 'analyze'; id: number; key: string; text: string | TextPatch; maxLength: number }
  | { type: 'forget'; key: string }
  | { type: 'next'; id: number }
  | { type: 'drop'; id: number };

export type WorkerMessage =
  | { type: 'begin'; id: number; shell: Record<string, unknown>; last: boolean; elapsed: number }
  | { type: 'chunk'; id: number; path: string; items: unknown[]; last: boolean }
  | { type: 'error'; id: number; message: string };

/**
 * A document's new text as an edit of the text the worker analysed last for it (the job `base`): its first
 * `prefix` and last `suffix` code units, and `middle` between them. Copying a large readout to the worker at
 * every keystroke blocked the extension host for tens of milliseconds; an edit costs its own size.
 */
export interface TextPatch {
  base: number;
  prefix: number;
  suffix: number;
  middle: string;
}

/** Code units compared at once while looking for where two texts differ. */
const BLOCK = 1 << 14;

/**
 * The patch that turns `before` into `after`, or undefined when they share too little for a patch to pay (then
 * the whole text is sent). Compares from both ends, a block at a time (string equality of two slices compares
 * their memory at once; charCodeAt per unit took 85 ms on a 10 MB readout) and then unit by unit in the block
 * where they differ.
 */
export function textPatch(base: number, before: string, after: string): TextPatch | undefined {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= limit && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = limit - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const middle = after.length - prefix - suffix;
  if (middle > after.length / 2) return undefined;
  return { base, prefix, suffix, middle: after.slice(prefix, after.length - suffix) };
}

/** The text a patch describes, from the text of its base job. */
export function applyPatch(before: string, patch: TextPatch): string {
  return before.slice(0, patch.prefix) + patch.middle + before.slice(before.length - patch.suffix);
}

interface Sliceable {
  start: number;
  end: number;
  text: string | null;
}

/**
 * The items of an Analysis array ready to send: an item whose `text` is the document's text between its `start`
 * and `end` (sentences, cues, entity mentions, comments) goes with `text: null`, and the host slices it from its
 * own copy of the text (see restoreTexts). Copying those strings across threads doubled the bytes of every
 * result and filled the host's heap with copies of the document.
 */
function withoutTexts(items: readonly unknown[], text: string): unknown[] {
  return items.map((item) => {
    const x = item as Partial<Sliceable>;
    if (typeof x.text !== 'string' || typeof x.start !== 'number' || typeof x.end !== 'number') return item;
    return x.text === text.slice(x.start, x.end) ? { ...x, text: null } : item;
  });
}

/** Puts back the texts withoutTexts left out, as slices of `text` (the document text the worker analysed). */
function restoreTexts(items: unknown[], text: string): void {
  for (const item of items) {
    const x = item as Partial<Sliceable>;
    if (x !== null && typeof x === 'object' && x.text === null && typeof x.start === 'number' && typeof x.end === 'number') x.text = text.slice(x.start, x.end);
  }
}

/**
 * The analysis of `text` as a first message (all but the large arrays) followed by chunks of each large array,
 * texts that are slices of `text` left out (see withoutTexts).
 */
export function splitForTransfer(id: number, analysis: Analysis, elapsed: number, text: string): WorkerMessage[] {
  const shell: Record<string, unknown> = { ...analysis };
  const readout: Record<string, unknown> = { ...analysis.readout };
  shell.readout = readout;
  const chunks: WorkerMessage[] = [];
  const cut = (owner: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(owner)) {
      if (!Array.isArray(value)) continue;
      const items = withoutTexts(value, text);
      if (items.length <= CHUNK_ITEMS) {
        owner[key] = items;
        continue;
      }
      owner[key] = [];
      for (let i = 0; i < items.length; i += CHUNK_ITEMS) {
        chunks.push({ type: 'chunk', id, path: prefix + key, items: items.slice(i, i + CHUNK_ITEMS), last: false });
      }
    }
  };
  cut(shell, '');
  cut(readout, 'readout.');
  const all: WorkerMessage[] = [{ type: 'begin', id, shell, last: chunks.length === 0, elapsed }, ...chunks];
  const end = all[all.length - 1];
  if (end.type !== 'error') end.last = true;
  return all;
}

/** The first message's analysis, its texts put back from `text`; chunks then fill its large arrays. */
export function openShell(shell: Record<string, unknown>, text: string): Record<string, unknown> {
  for (const owner of [shell, shell.readout as Record<string, unknown>]) {
    for (const value of Object.values(owner)) if (Array.isArray(value)) restoreTexts(value, text);
  }
  return shell;
}

/** Appends a chunk's items to the array it came from, their texts put back from `text`. */
export function applyChunk(shell: Record<string, unknown>, path: string, items: unknown[], text: string): void {
  const owner = path.startsWith('readout.') ? (shell.readout as Record<string, unknown>) : shell;
  const key = path.startsWith('readout.') ? path.slice('readout.'.length) : path;
  const target = owner[key] as unknown[];
  restoreTexts(items, text);
  for (const item of items) target.push(item);
}
