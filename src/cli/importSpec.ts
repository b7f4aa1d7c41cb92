// The `import` entry of the command table (src/cli/commands.ts): usage and options, known before the command's
// code is loaded; running it loads src/cli/importCommand.ts and, through it, the importer bundle.
import { positiveNumber, type OptionSpecs, type ParsedArgs } from './args';

const IMPORT_USAGE = `Usage: readout-lens import [options] <url | file.html>

Makes a readout from a web page (http or https) or an HTML file saved from a browser: front matter with
title, date, source and government (for sites lexicons/import-sites.yaml knows), then the article's
paragraphs without navigation, cookie banners, share links, related content, feedback forms or footers.

Options:
  -o, --output file.readout   write the readout to this file (default: stdout); nothing is written on failure
  --max-size-mb N             refuse pages larger than N MB (default: 5)
  --timeout-s N               give up on a server that has not answered within N seconds (default: 15)
  -h, --help                  show this help

Exit codes: 0 success, 2 bad arguments or a page that cannot be imported (the message says why).`;

export const IMPORT_COMMAND = {
  usage: IMPORT_USAGE,
  options: {
    o: { kind: 'value' },
    output: { kind: 'value' },
    'max-size-mb': { kind: 'value', parse: positiveNumber },
    'timeout-s': { kind: 'value', parse: positiveNumber },
  } as OptionSpecs,
  run: async (args: ParsedArgs): Promise<number> => {
    const { importOptions, runImport } = await import('./importCommand');
    return runImport(importOptions(args));
  },
};
