// An imported article as the text of a `.readout`: YAML front matter (title, date, source, government), then
// one paragraph per block, each on one line, so the reader's paragraph and sentence offsets fit the article.
import { dateLine } from './dates';

export interface ImportedReadout {
  title?: string;
  /** ISO day, YYYY-MM-DD. */
  date?: string;
  /** The URL the page came from. */
  source?: string;
  government?: string;
  paragraphs: string[];
}

/** A paragraph as one line: line wraps and runs of spaces (non-breaking ones too) become one space. */
export function joinLineWraps(text: string): string {
  // Chinese and Japanese have no spaces between words: a line wrap between two of their characters is nothing.
  return text.replace(/([\u3000-\u9fff\uff00-\uffef])(?:[ \t]*(?:\r?\n|\u2028))+[ \t]*(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1').replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

/** A front matter value, quoted only when plain YAML would read it as something else. */
function yamlValue(value: string): string {
  const plain = /^[A-Za-z0-9\u00c0-\uffff(][^\n]*$/.test(value) && !/:\s|\s#|:$|^(?:true|false|null|yes|no|on|off|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

export function readoutText(readout: ImportedReadout): string {
  const fields: [string, string | undefined][] = [
    ['title', readout.title],
    ['date', readout.date],
    ['source', readout.source],
    ['government', readout.government],
  ];
  const header = fields.flatMap(([key, raw]) => {
    const value = raw === undefined ? '' : joinLineWraps(raw);
    return value ? [`${key}: ${yamlValue(value)}`] : [];
  });
  const body = readout.paragraphs.map(joinLineWraps).filter((p) => p.length > 0);
  return `---\n${header.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
}

/**
 * Plain text (from the clipboard) as an article: paragraphs at blank lines, line wraps joined; a first short
 * line without a full stop is the title and a line that is only a date is the date.
 */
export function readoutFromPlainText(text: string): ImportedReadout {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map(joinLineWraps)
    .filter((p) => p.length > 0);
  const readout: ImportedReadout = { paragraphs: [] };
  for (const [i, block] of blocks.entries()) {
    const date = i < 4 && readout.date === undefined ? dateLine(block) : undefined;
    if (date) readout.date = date;
    else if (i === 0 && blocks.length > 1 && block.length <= 160 && !/[.!?:;]$/.test(block)) readout.title = block;
    else readout.paragraphs.push(block);
  }
  return readout;
}
