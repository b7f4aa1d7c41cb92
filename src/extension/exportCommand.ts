// Registers "Readout: Export Analysis…". The exporter (export.ts and the core's Markdown, CSV and SARIF writers) is a
// bundle of its own, dist/export.js, loaded on the first export: the extension bundle holds only these lines of it.
import * as vscode from 'vscode';
import type { ExportRunner } from './export';
import type { LexiconService } from './lexiconService';

export class ExportCommand implements vscode.Disposable {
  private runner: Promise<ExportRunner> | undefined;
  private readonly registration: vscode.Disposable;

  constructor(private readonly lexicons: LexiconService, private readonly toolVersion: string) {
    this.registration = vscode.commands.registerCommand('readoutLens.export', async (format?: unknown, target?: unknown, output?: unknown) =>
      (await this.load()).run(format, target, output),
    );
  }

  private load(): Promise<ExportRunner> {
    return (this.runner ??= import('./export').then(({ ExportRunner }) => new ExportRunner(this.lexicons, this.toolVersion)));
  }

  dispose(): void {
    this.registration.dispose();
  }
}
