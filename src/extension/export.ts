// "Readout: Export Analysis…" (registered by exportCommand.ts, which loads this bundle, dist/export.js, on the first
// export): writes the analysis of the current readout or of a whole folder as Markdown
// (a report for a brief), CSV, JSON (the CLI's versioned interface) or SARIF 2.1.0 — one output file.
// The serialisers are the core's (report.ts, markdownReport.ts); this adapter picks scope, format and file.
// Testable without dialogs: readoutLens.export(format?, target?, output?) skips each question answered;
// from the Explorer it receives (uri) and asks only for the format and the output file.
import * as vscode from 'vscode';
import { readUri } from './documents';
import { analyze } from '../core/pipeline/analyze';
import { type CompiledLexicon } from '../core/pipeline/compile';
import { markdownReport } from '../core/report/markdown';
import { CSV_HEADER, csvRows, fileReport, jsonReport, sarifReport } from '../core/report/report';
import type { Analysis } from '../core/types';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'sarif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_INFO: Record<ExportFormat, { label: string; detail: string; ext: string; filter: string }> = {
  markdown: { label: 'Markdown', detail: 'a report to paste into a brief: header, topics, commitments table', ext: 'md', filter: 'Markdown' },
  csv: { label: 'CSV', detail: 'one row per commitment cue, for a spreadsheet', ext: 'csv', filter: 'CSV' },
  json: { label: 'JSON', detail: 'the CLI\'s versioned JSON interface (sentences, commitments, entities)', ext: 'json', filter: 'JSON' },
  sarif: { label: 'SARIF 2.1.0', detail: 'one result per cue, for SARIF viewers and code-scanning tools', ext: 'sarif', filter: 'SARIF' },
};

const encoder = new TextEncoder();

interface Analysed {
  uri: vscode.Uri;
  path: string;
  text: string;
  analysis: Analysis;
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? 'readout';
}

function isFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}


async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

export class ExportRunner {
  constructor(private readonly lexicons: LexiconService, private readonly toolVersion: string) {}

  /**
   * Returns the written file's URI (as a string), or undefined when cancelled (a question dismissed, or the
   * progress notification's Cancel while the readouts are analysed) or nothing was found.
   */
  async run(formatArg?: unknown, targetArg?: unknown, outputArg?: unknown): Promise<string | undefined> {
    // From the Explorer context menu the first argument is the clicked file or folder.
    if (formatArg instanceof vscode.Uri) [formatArg, targetArg, outputArg] = [undefined, formatArg, undefined];
    const format = isFormat(formatArg) ? formatArg : await this.pickFormat();
    if (!format) return undefined;
    const target = targetArg instanceof vscode.Uri ? targetArg : await this.pickTarget();
    if (!target) return undefined;

    const compiled = await this.lexicons.get();
    const folder = await isDirectory(target);
    const files = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Analysing ${vscode.workspace.asRelativePath(target)} for export`, cancellable: true },
      async (progress, token) => (folder ? this.readoutsIn(target, compiled, progress, token) : token.isCancellationRequested ? undefined : [await this.analyse(target, compiled)]),
    );
    if (!files) return undefined;
    if (!files.length) {
      void vscode.window.showInformationMessage(`No readouts found in ${vscode.workspace.asRelativePath(target)}.`);
      return undefined;
    }
    const output = outputArg instanceof vscode.Uri ? outputArg : await this.pickOutput(target, folder, format);
    if (!output) return undefined;
    await vscode.workspace.fs.writeFile(output, encoder.encode(this.serialise(format, files, compiled, target, folder)));
    if (!(outputArg instanceof vscode.Uri)) {
      void vscode.window.showInformationMessage(`Exported ${files.length} readout${files.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(output)}.`, 'Open').then((choice) => {
        if (choice) void vscode.window.showTextDocument(output);
      });
    }
    return output.toString();
  }

  private serialise(format: ExportFormat, files: Analysed[], compiled: CompiledLexicon, target: vscode.Uri, folder: boolean): string {
    switch (format) {
      case 'markdown':
        return markdownReport(
          files.map((f) => ({ path: f.path, analysis: f.analysis })),
          compiled,
          { title: folder ? `Readout analysis: ${vscode.workspace.asRelativePath(target)}` : undefined, generated: new Date().toISOString().slice(0, 10), toolVersion: this.toolVersion },
        );
      case 'csv':
        return [CSV_HEADER.join(','), ...files.flatMap((f) => csvRows(f.path, f.text, f.analysis))].join('\n') + '\n';
      case 'json':
        return jsonReport(files.map((f) => fileReport(f.path, f.analysis)));
      case 'sarif':
        return sarifReport(
          files.map((f) => ({ uri: f.path, text: f.text, analysis: f.analysis })),
          compiled,
          this.toolVersion,
        );
    }
  }

  private async analyse(uri: vscode.Uri, compiled: CompiledLexicon): Promise<Analysed> {
    const text = await readUri(uri);
    const analysis = analyze(text, compiled, { maxLength: Math.floor(getSettings(uri).maxFileSizeMB * 1024 * 1024) });
    return { uri, path: vscode.workspace.asRelativePath(uri, false), text, analysis };
  }

  /**
   * `.readout` files, and `.txt` files that open with a readout header (front matter, date line, metadata);
   * undefined when cancelled, which is checked between two files.
   */
  private async readoutsIn(folder: vscode.Uri, compiled: CompiledLexicon, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<Analysed[] | undefined> {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{readout,txt}'), '**/node_modules/**', 2000, token);
    found.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    const out: Analysed[] = [];
    for (const [i, uri] of found.entries()) {
      if (token.isCancellationRequested) return undefined;
      progress.report({ message: `${i + 1} of ${found.length}`, increment: 100 / found.length });
      const a = await this.analyse(uri, compiled);
      if (uri.path.endsWith('.readout') || a.analysis.readout.header.kind !== 'none') out.push(a);
    }
    return out;
  }

  private async pickFormat(): Promise<ExportFormat | undefined> {
    const choice = await vscode.window.showQuickPick(
      EXPORT_FORMATS.map((f) => ({ label: FORMAT_INFO[f].label, detail: FORMAT_INFO[f].detail, format: f })),
      { title: 'Export Analysis (1/2): format', placeHolder: 'Choose the format' },
    );
    return choice?.format;
  }

  private async pickTarget(): Promise<vscode.Uri | undefined> {
    type Item = vscode.QuickPickItem & { uri?: vscode.Uri; browse?: boolean };
    const items: Item[] = [];
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && doc.uri.scheme !== 'output') items.push({ label: '$(file) Current file', description: vscode.workspace.asRelativePath(doc.uri), uri: doc.uri });
    for (const f of vscode.workspace.workspaceFolders ?? []) items.push({ label: '$(root-folder) Whole folder', description: f.name, detail: 'every .readout file, and .txt files with a readout header', uri: f.uri });
    items.push({ label: '$(folder-opened) Choose a folder…', browse: true });
    const choice = await vscode.window.showQuickPick(items, { title: 'Export Analysis (2/2): what to export' });
    if (!choice) return undefined;
    if (choice.uri) return choice.uri;
    const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Export' });
    return picked?.[0];
  }

  private async pickOutput(target: vscode.Uri, folder: boolean, format: ExportFormat): Promise<vscode.Uri | undefined> {
    const info = FORMAT_INFO[format];
    const base = folder ? `${basename(target)}-readouts` : basename(target).replace(/\.[^.]+$/, '');
    const dir = folder ? target : vscode.Uri.joinPath(target, '..');
    return vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(dir, `${base}.analysis.${info.ext}`),
      filters: { [info.filter]: [info.ext] },
      saveLabel: 'Export',
      title: `Export ${info.label}`,
    });
  }
}
