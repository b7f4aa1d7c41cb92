// The CLI's argument parser and exit codes, in process: options checked against a command's table in the
// order given, and each kind of problem mapped to the documented exit code.
import * as assert from 'assert';
import { oneOf, parseCommandLine, positiveNumber, splitCommand, type OptionSpecs } from '../../src/cli/args';
import { COMMANDS, allOptions } from '../../src/cli/commands';
import { CliError, EXIT_CODES, exitCode, type ProblemKind } from '../../src/cli/errors';

const specs: OptionSpecs = {
  format: { kind: 'value', parse: oneOf('format', ['json', 'csv'], { j: 'json' }) },
  ext: { kind: 'value', multiple: true },
  'max-size-mb': { kind: 'value', parse: positiveNumber },
  stats: { kind: 'flag' },
};

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof CliError, String(err));
    assert.strictEqual(err.kind, 'usage');
    return err.message;
  }
  assert.fail('no usage error');
}

describe('CLI argument parser', () => {
  it('reads values, repeated values, flags and positionals', () => {
    const parsed = parseCommandLine(['a', '--format', 'j', '--ext=.txt', '--ext', 'md', '--stats', '--max-size-mb', '2.5', 'b'], specs);
    assert.deepStrictEqual(parsed, { values: { format: 'json', ext: ['.txt', 'md'], stats: true, 'max-size-mb': 2.5 }, positionals: ['a', 'b'] });
  });

  it('stops reading options at "--" and takes "-" as a file', () => {
    assert.deepStrictEqual(parseCommandLine(['-', '--', '--stats'], specs), { values: {}, positionals: ['-', '--stats'] });
  });

  it('says which option is unknown, lacks a value, or has a bad one', () => {
    assert.strictEqual(usageMessage(() => parseCommandLine(['--bogus', 'x'], specs)), 'unknown option --bogus');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--bogus=1'], specs)), 'unknown option --bogus=1');
    assert.strictEqual(usageMessage(() => parseCommandLine(['-x'], specs)), 'unknown option -x');
    assert.strictEqual(usageMessage(() => parseCommandLine(['x', '--format'], specs)), '--format needs a value');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--format=', 'x'], specs)), '--format needs a value');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--stats=1'], specs)), '--stats takes no value');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--format', 'xml'], specs)), 'unknown format "xml" (use json, csv)');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--max-size-mb', '-1'], specs)), '--max-size-mb needs a positive number');
  });

  it('lets help and version win only when they come before an error', () => {
    assert.strictEqual(parseCommandLine(['x', '--help', '--bogus'], specs), 'help');
    assert.strictEqual(parseCommandLine(['-v'], specs), 'version');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--bogus', '-h'], specs)), 'unknown option --bogus');
  });

  it('finds the command after options of any command, not in an option\'s value', () => {
    assert.deepStrictEqual(splitCommand(['--format', 'json', 'analyze', 'x'], allOptions()), { command: 'analyze', rest: ['--format', 'json', 'x'] });
    assert.deepStrictEqual(splitCommand(['--stats'], allOptions()), { command: undefined, rest: ['--stats'] });
  });

  it('checks each command\'s options against its own table', () => {
    assert.strictEqual(usageMessage(() => parseCommandLine(['--jobs', '2'], COMMANDS.compare.options)), 'unknown option --jobs');
    assert.strictEqual(usageMessage(() => parseCommandLine(['--format', 'markdown'], COMMANDS.analyze.options)), 'unknown format "markdown" (use json, ndjson, csv, sarif)');
    assert.deepStrictEqual(parseCommandLine(['--format', 'md'], COMMANDS.compare.options), { values: { format: 'markdown' }, positionals: [] });
    assert.strictEqual(usageMessage(() => parseCommandLine(['--jobs', '1.5'], COMMANDS.analyze.options)), '--jobs needs a whole number of at least 1');
  });
});

describe('CLI exit codes', () => {
  it('maps each kind of problem to the documented code: 0 analysed, 1 lexicon errors, 2 bad arguments or unreadable input', () => {
    const expected: Record<ProblemKind, number> = { usage: 2, unreadable: 2, lexicon: 1, warning: 0, internal: 2 };
    assert.deepStrictEqual(EXIT_CODES, expected);
    assert.strictEqual(exitCode([]), 0);
    assert.strictEqual(exitCode([{ kind: 'warning' }]), 0);
    assert.strictEqual(exitCode([{ kind: 'warning' }, { kind: 'lexicon' }]), 1);
    assert.strictEqual(exitCode([{ kind: 'lexicon' }, { kind: 'unreadable' }]), 2);
    assert.strictEqual(exitCode([new CliError('usage', 'x')]), 2);
  });
});
