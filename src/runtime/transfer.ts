// The message protocol between AnalysisService and the analysis worker, and how an Analysis is cut into
// chunks (arrays sliced, everything else sent once) and put back together. No 'vscode' import: the worker
// bundle includes this file.
import type { Analysis } from '../core/types';

/** Array items per chunk: small enough that deserialising one chunk takes a few milliseconds. */
export const CHUNK_ITEMS = 1000;

export type HostMessage =
  | { type: 'lexicon'; lexicon: unknown }
  | { type: 'analyze'; id: number; key: string; text: string | TextPatch | TextParts; maxLength: number }
  | { type: 'part'; id: number; text: string }
  | { type: 'forget'; key: string }
  | { type: 'next'; id: number }
  | { type: 'drop'; id: number };

export type WorkerMessage =
  | { type: 'begin'; id: number; shell: Record<string, unknown>; sliced: string[]; last: boolean; elapsed: number }
  | { type: 'chunk'; id: number; path: string; items: unknown[]; sliced: boolean; last: boolean }
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

/**
 * A whole text sent in parts of TEXT_PART code units, one per event-loop turn (`part` messages for the job, then
 * this as the last): copying a 10 MB text into one message blocked the extension host for 35-190 ms.
 */
export interface TextParts {
  parts: true;
  last: string;
}

/** Code units per `part` message: copying one takes a millisecond or two. */
export const TEXT_PART = 1 << 19;

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
  text: string;
}

const isSliceable = (x: Partial<Sliceable> | null): x is Sliceable =>
  x !== null && typeof x === 'object' && typeof x.text === 'string' && typeof x.start === 'number' && typeof x.end === 'number';

/**
 * The items of an Analysis array ready to send: an item whose `text` is the document's text between its `start`
 * and `end` (sentences, cues, entity mentions, comments) goes with an empty text, which the host fills from its
 * own copy of the text (restoreTexts). Copying those strings across threads doubled the bytes of every result
 * and filled the host's heap with copies of the document. The placeholder is a string, not null: filling a null
 * field with a string makes V8 change the objects' shape one by one (measured: 3-4 times slower to fill, and
 * slower to read after). Undefined (nothing left out) when an item has an empty text that is not its slice, so
 * an empty text never means two things.
 */
function withoutTexts(items: readonly unknown[], text: string): unknown[] | undefined {
  const out = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) {
    const x = items[i] as Partial<Sliceable> | null;
    if (!isSliceable(x)) out[i] = x;
    else if (x.text === text.slice(x.start, x.end)) out[i] = x.start === x.end ? x : { ...x, text: '' };
    else if (x.text === '') return undefined;
    else out[i] = x;
  }
  return out;
}

/** Puts back the texts withoutTexts left out, as slices of `text` (the document text the worker analysed). */
function restoreTexts(items: unknown[], text: string): void {
  for (const item of items) {
    const x = item as Partial<Sliceable> | null;
    if (isSliceable(x) && x.text === '' && x.end > x.start) x.text = text.slice(x.start, x.end);
  }
}

/**
 * The analysis of `text` as a first message (all but the large arrays) followed by chunks of each large array,
 * texts that are slices of `text` left out where that is unambiguous (see withoutTexts; `sliced` says where).
 */
export function splitForTransfer(id: number, analysis: Analysis, elapsed: number, text: string): WorkerMessage[] {
  const shell: Record<string, unknown> = { ...analysis };
  const readout: Record<string, unknown> = { ...analysis.readout };
  shell.readout = readout;
  const sliced: string[] = [];
  const chunks: WorkerMessage[] = [];
  const cut = (owner: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(owner)) {
      if (!Array.isArray(value)) continue;
      const stripped = withoutTexts(value, text);
      if (stripped) sliced.push(prefix + key);
      const items = stripped ?? value;
      if (items.length <= CHUNK_ITEMS) {
        owner[key] = items;
        continue;
      }
      owner[key] = [];
      for (let i = 0; i < items.length; i += CHUNK_ITEMS) {
        chunks.push({ type: 'chunk', id, path: prefix + key, items: items.slice(i, i + CHUNK_ITEMS), sliced: stripped !== undefined, last: false });
      }
    }
  };
  cut(shell, '');
  cut(readout, 'readout.');
  const all: WorkerMessage[] = [{ type: 'begin', id, shell, sliced, last: chunks.length === 0, elapsed }, ...chunks];
  const end = all[all.length - 1];
  if (end.type !== 'error') end.last = true;
  return all;
}

/**
 * Puts an Analysis back together on the host from the worker's messages: the first message's shell, then the
 * chunks, kept as they come and joined once at the end (pushing them into growing arrays made V8 copy the
 * arrays over and over, and the allocations brought garbage-collection work into the turns that received
 * chunks). Texts left out are put back as slices of `text`, the document text the worker analysed.
 */
export class ResultAssembler {
  private readonly shell: Record<string, unknown>;
  private readonly parts = new Map<string, unknown[][]>();

  constructor(begin: Extract<WorkerMessage, { type: 'begin' }>, private readonly text: string) {
    this.shell = begin.shell;
    for (const path of begin.sliced) {
      const [owner, key] = this.owner(path);
      restoreTexts(owner[key] as unknown[], text);
    }
  }

  /** The object holding the array at `path` ("cues", "readout.sentences" ...) and its key there. */
  private owner(path: string): [Record<string, unknown>, string] {
    return path.startsWith('readout.') ? [this.shell.readout as Record<string, unknown>, path.slice('readout.'.length)] : [this.shell, path];
  }

  add(chunk: Extract<WorkerMessage, { type: 'chunk' }>): void {
    if (chunk.sliced) restoreTexts(chunk.items, this.text);
    let list = this.parts.get(chunk.path);
    if (!list) this.parts.set(chunk.path, (list = []));
    list.push(chunk.items);
  }

  /** The Analysis, once the last message has arrived. */
  finish(): Analysis {
    for (const [path, lists] of this.parts) {
      const [owner, key] = this.owner(path);
      owner[key] = ([] as unknown[]).concat(...lists);
    }
    this.parts.clear();
    return this.shell as unknown as Analysis;
  }
}
