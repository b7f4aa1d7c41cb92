// The seed readout in a real VS Code: diagnostics on the right words with the right codes, cue and entity
// hovers, folding, outline, semantic tokens, the topic tree and the status bar.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReadoutLensApi } from '../../src/extension';
import { MAX_OUTLINE_SENTENCES } from '../../src/extension/symbols';
import { activateExtension, openSeed, openUntitled, waitFor } from './util';

async function api(): Promise<ReadoutLensApi> {
  return (await activateExtension()).exports as ReadoutLensApi;
}

async function seedDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Readout Lens');
    return d.length ? d : undefined;
  }, 'diagnostics on the seed');
}

function offsetOf(doc: vscode.TextDocument, needle: string, from = 0): number {
  const at = doc.getText().indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" not found in the seed`);
  return at;
}

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('the seed readout in VS Code', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await openSeed();
    await api();
  });

  it('puts a hedged-commitment diagnostic on "concurred on continuing to"', async () => {
    const diags = await seedDiagnostics(doc);
    const at = offsetOf(doc, 'concurred on continuing to');
    const d = diags.find((x) => doc.offsetAt(x.range.start) === at);
    assert.ok(d, `no diagnostic starts at "concurred on continuing to"; got ${diags.map((x) => doc.getText(x.range)).join(' | ')}`);
    assert.strictEqual(d.code, 'hedged-commitment');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /^Hedged commitment/);
    assert.match(doc.getText(d.range), /^concurred/);
  });

  it('puts a firm-commitment diagnostic on "agreed to" before "continue imposing sanctions"', async () => {
    const diags = await seedDiagnostics(doc);
    const at = offsetOf(doc, 'agreed to continue imposing sanctions');
    const d = diags.find((x) => doc.offsetAt(x.range.start) === at);
    assert.ok(d, 'no diagnostic on "agreed to continue imposing sanctions"');
    assert.strictEqual(d.code, 'firm-commitment');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Information);
    assert.match(doc.getText(d.range), /^agreed to/);
  });

  it('does not flag reporting verbs ("the statement said")', async () => {
    const diags = await seedDiagnostics(doc);
    const said = offsetOf(doc, 'the statement said');
    assert.ok(!diags.some((x) => doc.offsetAt(x.range.start) >= said && doc.offsetAt(x.range.start) < said + 'the statement said'.length));
  });

  it('explains a cue on hover: strength, governing verb, actor, rule', async () => {
    const text = await hoverText(doc, offsetOf(doc, 'agreed to continue imposing') + 2);
    assert.match(text, /Firm commitment/);
    assert.match(text, /Governing verb/);
    assert.match(text, /Actor/);
    assert.match(text, /Rule/);
  });

  it('shows entity cards for IPEF and CPTPP', async () => {
    const ipef = await hoverText(doc, offsetOf(doc, 'IPEF') + 1);
    assert.match(ipef, /Indo-Pacific Economic Framework/);
    const cptpp = await hoverText(doc, offsetOf(doc, 'CPTPP') + 1);
    assert.match(cptpp, /Trans-Pacific Partnership/);
  });

  it('gives document symbols grouped under topics', async () => {
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s?.length ? s : undefined;
    }, 'document symbols');
    const names = symbols.map((s) => s.detail);
    for (const topic of ['security', 'taiwan', 'russia-ukraine', 'economy-trade']) assert.ok(names.includes(topic), `no ${topic} symbol in ${names.join(', ')}`);
    const first = symbols[0];
    assert.ok(first.children.length && first.children[0].children.length, 'topic → paragraph → sentence');
  });

  it('nests symbols without overlap, so breadcrumbs name the topic under the cursor', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    for (let i = 1; i < symbols.length; i++) assert.ok(!symbols[i].range.start.isBefore(symbols[i - 1].range.end), `${symbols[i - 1].name} overlaps ${symbols[i].name}`);
    const ipef = doc.positionAt(offsetOf(doc, 'IPEF'));
    const containing = symbols.filter((s) => s.range.contains(ipef));
    assert.deepStrictEqual(containing.map((s) => s.detail), ['economy-trade']);
  });

  it('marks cues and entities with semantic tokens', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentRangeSemanticTokensLegend', doc.uri);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentRangeSemanticTokens', doc.uri, whole);
    assert.ok(legend.tokenTypes.includes('cue') && legend.tokenTypes.includes('entity'));
    const data = tokens.data;
    const types = new Set<string>();
    const modifiers = new Set<string>();
    for (let i = 0; i < data.length; i += 5) {
      types.add(legend.tokenTypes[data[i + 3]]);
      legend.tokenModifiers.forEach((m, bit) => {
        if (data[i + 4] & (1 << bit)) modifiers.add(m);
      });
    }
    assert.ok(types.has('cue') && types.has('entity'), [...types].join(','));
    assert.ok(modifiers.has('firm') && modifiers.has('hedged'), [...modifiers].join(','));
  });

  it('gives a range the tokens the whole document has there, and no token far outside it', async () => {
    /** Tokens as absolute [line, character, length, type, modifiers] rows. */
    const rows = (t: vscode.SemanticTokens): number[][] => {
      const out: number[][] = [];
      let line = 0;
      let char = 0;
      for (let i = 0; i < t.data.length; i += 5) {
        line += t.data[i];
        char = t.data[i] === 0 ? char + t.data[i + 1] : t.data[i + 1];
        out.push([line, char, t.data[i + 2], t.data[i + 3], t.data[i + 4]]);
      }
      return out;
    };
    const tokensOf = async (range: vscode.Range): Promise<number[][]> =>
      rows(await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentRangeSemanticTokens', doc.uri, range));
    const all = await tokensOf(new vscode.Range(0, 0, doc.lineCount, 0));
    const lines = [...new Set(all.map((r) => r[0]))];
    assert.ok(lines.length >= 4, `tokens on ${lines.length} lines`);
    // One line in the middle with tokens: a range over it has exactly the whole document's tokens on it.
    const line = lines[lines.length >> 1];
    const part = await tokensOf(new vscode.Range(line, 0, line, doc.lineAt(line).text.length));
    const onLine = (xs: number[][]): number[][] => xs.filter((r) => r[0] === line);
    assert.ok(onLine(part).length > 0);
    assert.deepStrictEqual(onLine(part), onLine(all));
    assert.ok(part.length < all.length, `${part.length} tokens for one line, ${all.length} for the document`);
  });
});

describe('the outline of a large readout', () => {
  it('lists the first MAX_OUTLINE_SENTENCES sentences and says how many it leaves out', async () => {
    const sentences = MAX_OUTLINE_SENTENCES + 234;
    const doc = await openUntitled(`date 2024-01-02 ${'The leaders met. '.repeat(sentences)}\n`);
    await activateExtension();
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s?.length ? s : undefined;
    }, 'symbols');
    const count = (xs: vscode.DocumentSymbol[]): number => xs.reduce((n, x) => n + (x.children.length ? count(x.children) : x.name === '…' ? 0 : 1), 0);
    assert.strictEqual(count(symbols), MAX_OUTLINE_SENTENCES);
    const last = symbols[symbols.length - 1];
    assert.deepStrictEqual([last.name, last.detail], ['…', '234 more sentences not listed (large readout)']);
  });
});

describe('multi-line paragraphs', () => {
  it('fold as one range per paragraph', async () => {
    const doc = await openUntitled('date 2024-01-02 The leaders met.\nThey agreed to meet again.\n\nThey welcomed the talks.\nThey will meet in May.\n');
    await activateExtension();
    const ranges = await waitFor(async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
      return r?.length ? r : undefined;
    }, 'folding ranges');
    assert.deepStrictEqual(
      ranges.map((r) => [r.start, r.end]),
      [
        [0, 1],
        [3, 4],
      ],
    );
  });
});

describe('readoutLens.diagnostics.maxPerFile', () => {
  after(() => vscode.workspace.getConfiguration('readoutLens').update('diagnostics.maxPerFile', undefined, vscode.ConfigurationTarget.Global));

  it('publishes at most that many diagnostics, most severe first, and says so in the status bar', async () => {
    const doc = await openSeed();
    const ext = await api();
    const all = await seedDiagnostics(doc);
    const warnings = all.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    assert.ok(warnings.length > 3 && all.length > warnings.length, `${warnings.length} warnings of ${all.length}`);
    await vscode.workspace.getConfiguration('readoutLens').update('diagnostics.maxPerFile', 3, vscode.ConfigurationTarget.Global);
    const limited = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Readout Lens');
      return d.length === 3 ? d : undefined;
    }, 'three diagnostics');
    // The first three warnings (hedged cues), in document order.
    assert.deepStrictEqual(
      limited.map((d) => doc.offsetAt(d.range.start)),
      warnings.slice(0, 3).map((d) => doc.offsetAt(d.range.start)),
    );
    await waitFor(() => {
      const tooltip = ext.statusBar.item.tooltip;
      const text = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
      return text.includes(`3 of the ${all.length} findings`) ? true : undefined;
    }, 'the status bar note');
    await vscode.workspace.getConfiguration('readoutLens').update('diagnostics.maxPerFile', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Readout Lens').length === all.length ? true : undefined), 'all diagnostics again');
  });
});

describe('analysis after edits', () => {
  for (const eol of [vscode.EndOfLine.LF, vscode.EndOfLine.CRLF]) {
    it(`analyses the current text after a series of edits (${eol === vscode.EndOfLine.LF ? 'LF' : 'CRLF'})`, async () => {
      const ext = await api();
      const doc = await openUntitled('date 2024-01-02 The leaders met.\nThey agreed to meet again.\n\nThey welcomed the talks.\n');
      const editor = await vscode.window.showTextDocument(doc);
      await ext.analysisFor(doc);
      await editor.edit((b) => b.setEndOfLine(eol));
      const edits: ((b: vscode.TextEditorEdit) => void)[] = [
        (b) => b.insert(new vscode.Position(1, 0), 'Japan will host the summit.\n'),
        // Several changes in one edit, as multiple cursors make them.
        (b) => {
          b.insert(new vscode.Position(0, 0), '// a note\n');
          b.replace(new vscode.Range(3, 0, 3, 4), 'Both');
          b.delete(new vscode.Range(2, 0, 2, 5));
        },
        (b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), 'The sides reaffirmed their commitment.\r\nThey will meet in May.\n'),
        (b) => b.delete(new vscode.Range(0, 0, 1, 0)),
      ];
      for (const edit of edits) {
        assert.ok(await editor.edit(edit));
        const analysis = await ext.analysisFor(doc);
        assert.ok(analysis);
        const text = doc.getText();
        assert.strictEqual(analysis.textLength, text.length);
        for (const s of analysis.readout.sentences) assert.strictEqual(s.text, text.slice(s.start, s.end));
        for (const c of analysis.cues) assert.strictEqual(c.text.toLowerCase(), text.slice(c.start, c.end).toLowerCase());
      }
      const analysis = await ext.analysisFor(doc);
      assert.ok(analysis?.cues.some((c) => /reaffirmed/.test(c.text)), 'the cue typed last is found');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});
