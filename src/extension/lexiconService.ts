// Loads the built-in lexicons shipped with the extension and the user's YAML lexicons (setting
// readoutLens.lexicons), compiles them once, reloads on save, and shows lexicon errors as diagnostics
// in the YAML files themselves. Workspace lexicons are only read in a trusted workspace.
import * as vscode from 'vscode';
import { compileLexicon, type CompiledLexicon } from '../core/pipeline/compile';
import { BUILTIN_LEXICON_FILES, loadLexiconFiles, type LexiconFile } from '../core/lexicon/files';
import { builtinLexicon } from '../core/lexicon/snapshot';
import type { LexiconError } from '../core/types';
import { getSettings } from './settings';

const decoder = new TextDecoder('utf-8');

export class LexiconService implements vscode.Disposable {
  private compiled: CompiledLexicon | undefined;
  private loading: Promise<CompiledLexicon> | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('readout-lens-lexicons');
  private readonly changed = new vscode.EventEmitter<CompiledLexicon>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private userFiles: vscode.Uri[] = [];
  private generation = 0;
  private toldUntrusted = false;
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.diagnostics,
      this.changed,
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.isLexiconDocument(doc)) this.reload();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readoutLens.lexicons')) this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
    );
  }

  /** The compiled lexicon, loading it on first use. */
  get(): Promise<CompiledLexicon> {
    if (this.compiled) return Promise.resolve(this.compiled);
    return (this.loading ??= this.load());
  }

  /** The compiled lexicon if it is loaded already (synchronous providers use this). */
  current(): CompiledLexicon | undefined {
    return this.compiled;
  }

  /** The user lexicon files currently loaded. */
  files(): readonly vscode.Uri[] {
    return this.userFiles;
  }

  /** True for a document that one of the readoutLens.lexicons globs selects, whether loaded yet or not. */
  isLexiconDocument(doc: vscode.TextDocument): boolean {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.some((f) => getSettings(f.uri).lexicons.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(f, glob) }, doc) > 0));
  }

  reload(): void {
    this.loading = this.load().then((c) => {
      if (c === this.compiled) this.changed.fire(c);
      return c;
    });
  }

  private async load(): Promise<CompiledLexicon> {
    // Reloads can overlap (a create and a save in quick succession): only the newest one publishes.
    const generation = ++this.generation;
    const started = Date.now();
    const builtins: LexiconFile[] = [];
    for (const name of BUILTIN_LEXICON_FILES) {
      const uri = vscode.Uri.joinPath(this.extensionUri, 'lexicons', name);
      builtins.push({ file: uri.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(uri)) });
    }
    const base = builtinLexicon(await this.readSnapshot(), builtins);
    if (base.errors.length) this.output.error(`built-in lexicon errors: ${base.errors.map((e) => e.message).join('; ')}`);

    const user = await this.readUserFiles();
    const merged = loadLexiconFiles(user, base.lexicon);
    let compiled: CompiledLexicon;
    try {
      compiled = compileLexicon(merged.lexicon, base.prebuilt);
    } catch (err) {
      // The core skips what it cannot compile, so this is a bug; the built-in lexicons still give an analysis.
      this.output.error(`could not compile the lexicons with the user files, using the built-in ones: ${String(err)}`);
      compiled = compileLexicon(base.lexicon, base.prebuilt);
    }
    for (const r of compiled.cues.rejected) this.output.error(`cue pattern "${r.id}" skipped: ${r.message}`);
    if (generation !== this.generation) return this.loading ?? compiled;
    this.publishErrors(user, merged.errors);
    this.compiled = compiled;
    this.output.info(
      `lexicons loaded in ${Date.now() - started} ms: ${merged.lexicon.cues.length} cues, ${merged.lexicon.entities.length} entities, ` +
        `${merged.lexicon.topics.length} topics; ${user.length} user file(s), ${merged.errors.length} error(s)`,
    );
    return this.compiled;
  }

  /** dist/lexicons.json, the built-in lexicons parsed at build time; undefined when missing or unreadable. */
  private async readSnapshot(): Promise<unknown> {
    try {
      return JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'lexicons.json'))));
    } catch {
      this.output.info('no built-in lexicon snapshot (dist/lexicons.json): parsing the YAML files');
      return undefined;
    }
  }

  private async readUserFiles(): Promise<LexiconFile[]> {
    this.userFiles = [];
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    if (!vscode.workspace.workspaceFolders?.length) return [];
    if (!vscode.workspace.isTrusted) {
      void this.tellUntrusted();
      return [];
    }
    const files: LexiconFile[] = [];
    for (const glob of getSettings().lexicons) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      watcher.onDidCreate(() => this.reload());
      watcher.onDidDelete(() => this.reload());
      watcher.onDidChange((uri) => {
        // Saves inside the editor are handled by onDidSaveTextDocument; this catches edits made outside.
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) this.reload();
      });
      this.watchers.push(watcher);
      for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', 200)) {
        if (this.userFiles.some((u) => u.toString() === uri.toString())) continue;
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          this.userFiles.push(uri);
          files.push({ file: uri.toString(), text: decoder.decode(bytes) });
        } catch (err) {
          this.output.error(`cannot read lexicon ${uri.fsPath}: ${String(err)}`);
        }
      }
    }
    return files;
  }

  /** Says once, when there are workspace lexicons to skip, why they are not loaded. */
  private async tellUntrusted(): Promise<void> {
    this.output.warn('workspace lexicons not loaded: this workspace is not trusted');
    if (this.toldUntrusted) return;
    const found = (await Promise.all(getSettings().lexicons.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**', 20)))).flat();
    if (!found.length) return;
    this.toldUntrusted = true;
    const choice = await vscode.window.showWarningMessage(
      `Readout Lens did not load ${found.length} workspace lexicon file(s): this workspace is not trusted. Built-in lexicons are in use.`,
      'Manage Workspace Trust',
    );
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  }

  private publishErrors(files: LexiconFile[], errors: LexiconError[]): void {
    this.diagnostics.clear();
    for (const f of files) {
      const mine = errors.filter((e) => e.file === f.file);
      this.diagnostics.set(
        vscode.Uri.parse(f.file),
        mine.map((e) => {
          const range = new vscode.Range(e.line, e.column, e.endLine ?? e.line, e.endColumn ?? e.column + 1);
          const d = new vscode.Diagnostic(range, e.message, vscode.DiagnosticSeverity.Error);
          d.source = 'Readout Lens';
          d.code = e.code;
          return d;
        }),
      );
    }
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
