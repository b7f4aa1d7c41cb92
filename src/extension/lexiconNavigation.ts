// Go to Definition on an entity opens its YAML entry (built-in or workspace lexicon), and the quick fix on
// an unknown acronym, "Add to workspace lexicon…", inserts an entry skeleton as a snippet to fill in.
import * as vscode from 'vscode';
import { spanAt } from '../core/text/spans';
import { ENTITY_TYPES } from '../core/types';
import { UNKNOWN_ACRONYM_CODE } from '../runtime/findings';
import type { AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export { UNKNOWN_ACRONYM_CODE };

const DEFAULT_LEXICON = '.readout-lens/lexicon.yaml';

export class EntityDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly analyses: AnalysisService, private readonly lexicons: LexiconService) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    const analysis = await this.analyses.getAsync(document, token);
    if (token.isCancellationRequested) return undefined;
    const mention = analysis && spanAt(analysis.entities, document.offsetAt(position));
    const origin = mention && this.lexicons.current()?.entityById.get(mention.id)?.origin;
    if (!origin) return undefined;
    return new vscode.Location(vscode.Uri.parse(origin.file), new vscode.Position(origin.line, origin.column));
  }
}

export class AddToLexiconActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.code === UNKNOWN_ACRONYM_CODE)
      .map((d) => {
        const acronym = document.getText(d.range);
        const action = new vscode.CodeAction(`Add "${acronym}" to workspace lexicon…`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        action.command = { title: action.title, command: 'readoutLens.addToLexicon', arguments: [acronym, document.uri] };
        return action;
      });
  }
}

/**
 * The workspace lexicon file to write to: the first loaded one; else the first readoutLens.lexicons entry when
 * it names a plain file; else .readout-lens/lexicon.yaml (which the default glob loads).
 */
function targetLexicon(lexicons: LexiconService, near: vscode.Uri): vscode.Uri | undefined {
  const loaded = lexicons.files()[0];
  if (loaded) return loaded;
  const folder = vscode.workspace.getWorkspaceFolder(near) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const first = getSettings(folder.uri).lexicons[0];
  const plainFile = first && !/[*?{[]/.test(first) ? first : undefined;
  return vscode.Uri.joinPath(folder.uri, plainFile ?? DEFAULT_LEXICON);
}

function entityId(acronym: string): string {
  return acronym.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/** Opens the lexicon and inserts a new entity entry at the end of its `entities:` list. */
export async function addToLexicon(lexicons: LexiconService, acronym: string, near: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const uri = targetLexicon(lexicons, near);
  if (!uri) {
    void vscode.window.showWarningMessage('Open a folder to keep a workspace lexicon.');
    return undefined;
  }
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Readout Lens workspace lexicon: entities, cues and topic keywords (see the README).\nentities:\n'));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const lines = doc.getText().split(/\r?\n/);
  let at = lines.findIndex((l) => /^entities:\s*(\[\s*\])?\s*$/.test(l));
  let prefix = '';
  if (at < 0) {
    at = lines.length;
    prefix = `${lines[lines.length - 1] === '' ? '' : '\n'}entities:\n`;
  } else {
    if (/\[\s*\]/.test(lines[at])) await editor.edit((e) => e.replace(doc.lineAt(at).range, 'entities:'));
    // The list ends where the next top-level key starts.
    let end = at + 1;
    while (end < lines.length && !/^\S/.test(lines[end])) end++;
    while (end > at + 1 && lines[end - 1].trim() === '') end--;
    at = end;
  }
  const position = at >= doc.lineCount ? doc.lineAt(doc.lineCount - 1).range.end : new vscode.Position(at, 0);
  const needsNewline = at >= doc.lineCount && doc.lineAt(doc.lineCount - 1).text !== '' && !prefix;
  const snippet = new vscode.SnippetString(`${needsNewline ? '\n' : ''}${prefix}`)
    .appendText(`  - id: ${entityId(acronym)}\n    name: `)
    .appendPlaceholder(acronym)
    .appendText(`\n    aliases: [${acronym}]\n    type: `)
    .appendChoice([...ENTITY_TYPES])
    .appendText('\n    definition: ')
    .appendPlaceholder('One sentence: what it is and why it matters.')
    .appendText('\n');
  await editor.insertSnippet(snippet, position);
  return editor;
}
