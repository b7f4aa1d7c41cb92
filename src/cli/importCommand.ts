// `readout-lens import <url|file.html> [-o file.readout]`: a readout from a web page or a saved HTML file,
// written to stdout or, whole or not at all, to the -o file. The importer bundle is loaded only here; the
// command's usage and options are its one entry in src/cli/commands.ts.
import * as fs from 'fs';
import * as path from 'path';
import type { ParsedArgs } from './args';
import { CliError, reason, usageError } from './errors';

export interface ImportOptions {
  input: string;
  output?: string;
  maxBytes: number;
  timeoutMs: number;
}

export function importOptions({ values, positionals }: ParsedArgs): ImportOptions {
  if (positionals.length !== 1) throw usageError(`import needs exactly one web address or HTML file (got ${positionals.length})`);
  const output = (values.output ?? values.o) as string | undefined;
  return {
    input: positionals[0],
    output,
    maxBytes: Math.floor(((values['max-size-mb'] as number | undefined) ?? 5) * 1024 * 1024),
    timeoutMs: Math.round(((values['timeout-s'] as number | undefined) ?? 15) * 1000),
  };
}

/** Writes `text` to `file` through a temporary file beside it, so a failed write leaves no partial readout. */
function writeWhole(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, 'utf8');
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new CliError('unreadable', `${file}: cannot write (${reason(err)})`);
  }
}

export async function runImport(opts: ImportOptions): Promise<number> {
  const importer = await import('../import/index');
  let text: string;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(opts.input)) {
      text = (await importer.importFromUrl(opts.input, { limits: { maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs } })).text;
    } else {
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(opts.input);
      } catch (err) {
        throw new CliError('unreadable', `${opts.input}: cannot read (${reason(err)})`);
      }
      text = importer.importFromHtmlBytes(bytes, undefined, opts.maxBytes).text;
    }
  } catch (err) {
    if (importer.isImportError(err)) throw new CliError('unreadable', `${opts.input}: ${err.message}`);
    throw err;
  }
  if (opts.output) writeWhole(opts.output, text);
  else process.stdout.write(text);
  return 0;
}
