// The import commands: a new readout from a web page, from the clipboard, or from an HTML file in the Explorer.
// Each opens an unsaved `.readout` only when the import succeeded (a failure says why and opens nothing);
// this module (dist/importCommands.js) and the importer (dist/importer.js) are loaded when one first runs.
import * as vscode from 'vscode';

type Importer = typeof import('../import/index');

let importer: Promise<Importer> | undefined;
function loadImporter(): Promise<Importer> {
  return (importer ??= import('../import/index'));
}

/** What a command made, for callers such as the integration tests; undefined when it made nothing. */
export interface ImportOutcome {
  document: vscode.TextDocument;
}

function slug(title: string | undefined): string {
  const s = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'imported-readout';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** An untitled document's address under `folder` whose name neither a file nor an open document has. */
async function freshUntitled(folder: vscode.Uri | undefined, base: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.readout`;
    const file = folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`);
    const untitled = folder ? file.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === untitled.toString());
    if (!open && !(folder && (await exists(file)))) return untitled;
  }
}

async function openReadout(text: string, folder: vscode.Uri | undefined, title: string | undefined): Promise<ImportOutcome> {
  const uri = await freshUntitled(folder, slug(title));
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(document);
  return { document };
}

function workspaceFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function failed(what: string, err: unknown): Promise<undefined> {
  const message = err instanceof Error ? err.message : String(err);
  void vscode.window.showErrorMessage(`Readout Lens could not import ${what}: ${message}.`);
  return undefined;
}

/** Loading a page is network access on the user's behalf: Restricted Mode means asking first. */
async function mayFetch(url: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // the importer reports a bad address in its own words
  }
  const fetch = 'Fetch Page';
  const answer = await vscode.window.showWarningMessage(
    `This workspace is in Restricted Mode. Fetch the page from ${host} to make a readout of it?`,
    { modal: true, detail: 'Readout Lens downloads the page once and reads its text; it runs none of its scripts.' },
    fetch,
  );
  return answer === fetch;
}

async function askForUrl(): Promise<string | undefined> {
  const clip = (await vscode.env.clipboard.readText()).trim();
  return vscode.window.showInputBox({
    title: 'New Readout from Web Page',
    prompt: 'The address of the page with the readout (the text is imported; nothing else on the page is)',
    placeHolder: 'https://…',
    value: /^https?:\/\/\S+$/i.test(clip) ? clip : undefined,
    ignoreFocusOut: true,
    validateInput: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? undefined : 'An http or https address'),
  });
}

export async function newFromWebPage(url?: string): Promise<ImportOutcome | undefined> {
  const address = (typeof url === 'string' ? url : await askForUrl())?.trim();
  if (!address || !(await mayFetch(address))) return undefined;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Importing ${address}`, cancellable: true },
      async (_progress, token) => {
        const cancel = new AbortController();
        const sub = token.onCancellationRequested(() => cancel.abort(new vscode.CancellationError()));
        try {
          return await (await loadImporter()).importFromUrl(address, { cancel: cancel.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    return await openReadout(result.text, workspaceFolder(), result.readout.title);
  } catch (err) {
    if (err instanceof vscode.CancellationError) return undefined;
    return failed(address, err);
  }
}

export async function newFromClipboard(): Promise<ImportOutcome | undefined> {
  try {
    const result = (await loadImporter()).importFromClipboard(await vscode.env.clipboard.readText());
    return await openReadout(result.text, workspaceFolder(), result.readout.title);
  } catch (err) {
    return failed('the clipboard', err);
  }
}

export async function importHtmlFile(file?: vscode.Uri): Promise<ImportOutcome | undefined> {
  const uri = file instanceof vscode.Uri ? file : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return void vscode.window.showInformationMessage('Choose an .html file in the Explorer to import it as a readout.');
  const name = uri.path.split('/').pop() ?? uri.toString();
  try {
    const result = (await loadImporter()).importFromHtmlBytes(await vscode.workspace.fs.readFile(uri));
    return await openReadout(result.text, vscode.Uri.joinPath(uri, '..'), name.replace(/\.html?$/i, ''));
  } catch (err) {
    return failed(name, err);
  }
}
