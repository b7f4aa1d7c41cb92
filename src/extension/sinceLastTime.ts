// "Readout: Since Last Time": for a readout, the previous one with the same counterpart in the corpus model
// (src/core/corpus/since.ts) and what is new, dropped or changed in strength since, shown in the compare
// webview (compare.ts) with the older readout as side A. Says why when there is no earlier readout.
import * as vscode from 'vscode';
import { previousReadout } from '../core/corpus/previous';
import type { SinceLastTime } from '../core/corpus/since';
import type { CompareResult } from './compare';
import type { CompareCommand } from './compareCommand';
import type { CorpusModel, ReadoutSummary } from './corpusModel';
import type { CorpusNode } from './corpusTree';

/** What the command did, for the tests: the comparison opened, or why none was. */
export interface SinceResult {
  current?: string;
  previous?: string;
  /** Why there is no comparison: no readout, no corpus yet, no date, no counterpart, no earlier readout. */
  reason?: 'no-readout' | 'no-corpus' | 'not-analysed' | 'undated' | 'no-counterpart' | 'first';
  message?: string;
  compare?: CompareResult;
  newCommitments?: number;
  droppedCommitments?: number;
  changed?: number;
}

const ANALYZE = 'Analyze Workspace';

function nameOf(s: Pick<ReadoutSummary, 'title' | 'path' | 'date'>): string {
  const name = s.title ?? decodeURIComponent(s.path.slice(s.path.lastIndexOf('/') + 1));
  return s.date ? `${name} (${s.date})` : name;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The lead of the comparison: the counts, then the topics and names that came or went. */
function lead(since: SinceLastTime, counterpart: string): string[] {
  const lines = [
    `Previous readout with ${counterpart}: ${nameOf(since.previous)}. This readout: ${nameOf(since.current)}.`,
    `Since then: ${plural(since.newCommitments.length, 'new commitment')}, ${plural(since.droppedCommitments.length, 'commitment')} dropped, ${plural(since.changed.length, 'commitment')} changed in strength or negation.`,
  ];
  const list = (label: string, items: string[]): void => {
    if (items.length) lines.push(`${label}: ${items.join(', ')}.`);
  };
  const topics = since.comparison.topics;
  const topicLabel = (id: string): string => topics.find((t) => t.topic === id)?.label ?? id;
  list('New topics', since.newTopics.map(topicLabel));
  list('Topics no longer mentioned', since.droppedTopics.map(topicLabel));
  list('Newly named', since.newEntities.map((e) => e.name));
  list('No longer named', since.droppedEntities.map((e) => e.name));
  return lines;
}

export class SinceLastTimeCommand implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusModel, private readonly compare: CompareCommand) {
    this.disposables.push(vscode.commands.registerCommand('readoutLens.sinceLastTime', (arg?: unknown) => this.run(arg)));
  }

  /** From the editor title or context menu: (uri); from the Corpus view: (its readout node); else the active editor's. */
  async run(arg?: unknown): Promise<SinceResult> {
    const uri = arg instanceof vscode.Uri ? arg : isReadoutNode(arg) ? this.corpus.uriOf(arg.summary) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return this.tell({ reason: 'no-readout', message: 'Open a readout to see what changed since the previous one with the same counterpart.' });
    if (!this.corpus.available) {
      const result = this.tell({ current: uri.toString(), reason: 'no-corpus', message: 'Since Last Time looks for the previous readout among the workspace\'s readouts: analyse the workspace first.' }, ANALYZE);
      return result;
    }
    const current = this.corpus.summary(uri);
    if (!current) return this.tell({ current: uri.toString(), reason: 'not-analysed', message: 'This readout is not in the workspace\'s corpus (yet): is it in the workspace, and has the analysis reached it?' });
    const previous = previousReadout(this.corpus.summaries(), current.path);
    if (!previous) {
      const name = nameOf(current);
      if (!current.date) return this.tell({ current: current.path, reason: 'undated', message: `${name} has no date, so no readout comes before it.` });
      if (!current.counterparts.length) return this.tell({ current: current.path, reason: 'no-counterpart', message: `${name} names no counterpart, so there is no previous readout with the same one.` });
      return this.tell({ current: current.path, reason: 'first', message: `No earlier readout with ${current.counterparts.join(' or ')} in the workspace: ${name} is the first.` });
    }
    const counterpart = previous.counterparts.find((c) => current.counterparts.includes(c)) ?? current.counterparts[0];
    // The comparison's code (core/compare, core/corpus/since.ts) is a bundle of its own, dist/since.js, loaded now.
    const { sinceLastTime } = await import('../core/corpus/since');
    let since: SinceLastTime | undefined;
    const compare = await this.compare.open(this.corpus.uriOf(previous), uri, {
      title: `Since last time: ${counterpart}, ${previous.date ?? '?'} → ${current.date ?? '?'}`,
      compare: (a, b, compiled) => {
        since = sinceLastTime(previous, { ...a, label: `Previous (${previous.date ?? 'undated'})` }, current, { ...b, label: `This readout (${current.date ?? 'undated'})` }, compiled);
        return since.comparison;
      },
      lead: () => (since ? lead(since, counterpart) : []),
    });
    const result: SinceResult = { current: current.path, previous: previous.path, compare };
    if (since) {
      result.newCommitments = since.newCommitments.length;
      result.droppedCommitments = since.droppedCommitments.length;
      result.changed = since.changed.length;
    }
    return result;
  }

  private tell(result: SinceResult, action?: string): SinceResult {
    void vscode.window.showInformationMessage(`Readout Lens: ${result.message ?? ''}`, ...(action ? [action] : [])).then((choice) => {
      if (choice === ANALYZE) void vscode.commands.executeCommand('readoutLens.analyzeWorkspace');
    });
    return result;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function isReadoutNode(arg: unknown): arg is Extract<CorpusNode, { kind: 'readout' }> {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'readout' && 'summary' in arg;
}
