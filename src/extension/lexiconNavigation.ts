// Go to Definition on an entity opens its YAML entry (built-in or workspace lexicon), and the quick fix on
// an unknown acronym or name, "Add to workspace lexicon…", inserts an entry skeleton as a snippet to fill in,
// prefilled with what the readout tells (the expansion of an acronym, the type its evidence suggests, aliases).
import * as vscode from 'vscode';
import { addToLexiconArguments, unknownName } from '../core/report/unknownNames';
import { spanAt } from '../core/text/spans';
import { ENTITY_TYPES, type EntityType } from '../core/types';
import { UNKNOWN_ACRONYM_CODE, UNKNOWN_NAME_CODE } from '../runtime/findings';
import type { AnalysisService } from './analysisService';
import type { LexiconService } from './lexiconService';
import { getSettings } from './settings';

export { UNKNOWN_ACRONYM_CODE, UNKNOWN_NAME_CODE };

/** What the readout tells about a name to add: the type its evidence suggests and its other spellings. */
export interface LexiconEntryHint {
  type?: EntityType;
  aliases?: string[];
}

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

  constructor(private readonly analyses: AnalysisService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    if (token.isCancellationRequested) return [];
    const analysis = this.analyses.get(document);
    return context.diagnostics
      .filter((d) => d.code === UNKNOWN_ACRONYM_CODE || d.code === UNKNOWN_NAME_CODE)
      .map((d) => {
        // An acronym the text defines ("(GCAP)") is a mention of its expansion: the entry is the expansion's.
        const mention = analysis && spanAt(analysis.entities, document.offsetAt(d.range.start));
        const unknown = analysis && mention?.known === false ? unknownName(analysis, mention.id) : undefined;
        const args: unknown[] = unknown ? addToLexiconArguments(unknown, document.uri.toString()) : [document.getText(d.range), document.uri.toString()];
        const action = new vscode.CodeAction(`Add "${String(args[0])}" to workspace lexicon…`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = true;
        action.command = { title: action.title, command: 'readoutLens.addToLexicon', arguments: args };
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

function entityId(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/** A YAML flow-sequence item: plain when nothing in it means something to YAML, else double-quoted. */
function yamlItem(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .'’&-]*$/u.test(text) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(text) ? text : JSON.stringify(text);
}

/**
 * Opens the lexicon and inserts a new entity entry at the end of its `entities:` list: `name` (an acronym or a
 * name the readout introduced) with the type and aliases the readout suggests. `near` is the readout, as a URI
 * or its string (a hover's command link carries JSON only).
 */
export async function addToLexicon(lexicons: LexiconService, name: string, nearArg: vscode.Uri | string, hint: LexiconEntryHint = {}): Promise<vscode.TextEditor | undefined> {
  const near = typeof nearArg === 'string' ? vscode.Uri.parse(nearArg) : nearArg;
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
  const aliases = [...new Set(hint.aliases ?? [name])].filter((a) => a.trim() !== '' && a !== name);
  const aliasList = (aliases.length ? aliases : hint.aliases ? [] : [name]).map(yamlItem).join(', ');
  // The suggested type first, so accepting the choice keeps it.
  const types = hint.type ? [hint.type, ...ENTITY_TYPES.filter((t) => t !== hint.type)] : [...ENTITY_TYPES];
  const snippet = new vscode.SnippetString(`${needsNewline ? '\n' : ''}${prefix}`)
    .appendText(`  - id: ${entityId(name)}\n    name: `)
    .appendPlaceholder(yamlItem(name))
    .appendText(`\n    aliases: [${aliasList}]\n    type: `)
    .appendChoice(types)
    .appendText('\n    definition: ')
    .appendPlaceholder('One sentence: what it is and why it matters.')
    .appendText('\n');
  await editor.insertSnippet(snippet, position);
  return editor;
}
