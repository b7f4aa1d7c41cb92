// The YAML library, loaded on first use. The extension bundle stands this module in for 'yaml' and ships the library
// as dist/yaml.js beside it (esbuild.js), so activating the extension does not load 95 KB that only front matter and
// workspace lexicons need. The CLI, the worker and the tests import 'yaml' itself.
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // A require the bundler leaves as it is: the file sits next to the bundle at run time.
  lib ??= module.require('./yaml.js') as typeof Yaml;
  return lib;
}

export const parseDocument: typeof Yaml.parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) =>
  yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const isMap: typeof Yaml.isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isSeq: typeof Yaml.isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const isScalar: typeof Yaml.isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isAlias: typeof Yaml.isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
/** `new LineCounter()` makes the library's own (a constructor returning an object gives that object to `new`). */
export const LineCounter = function LineCounter() {
  return new (yaml().LineCounter)();
} as unknown as typeof Yaml.LineCounter;
