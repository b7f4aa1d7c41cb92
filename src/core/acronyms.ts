// Acronyms the lexicons do not know ("MIT", "SCC" ...), so the editor can offer to add them to a workspace
// lexicon. Runs over sentences only, after entity matching, skipping anything already a mention.
import type { EntityMention, ParsedReadout, Span } from './types';

export interface UnknownAcronym extends Span {
  text: string;
}

// Two or more capitals (digits and inner dots allowed: "U.S.", "G20"), standing alone as a word.
const ACRONYM = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*(?![\p{L}\p{N}])/gu;
const ROMAN = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$/;
// All-caps words that are not acronyms in readout prose (MOFA writes surnames in capitals: "KISHIDA Fumio").
const MAX_LENGTH = 8;

export function findUnknownAcronyms(text: string, readout: ParsedReadout, mentions: readonly EntityMention[]): UnknownAcronym[] {
  const out: UnknownAcronym[] = [];
  let m = 0;
  for (const s of readout.sentences) {
    const slice = text.slice(s.start, s.end);
    ACRONYM.lastIndex = 0;
    for (let hit = ACRONYM.exec(slice); hit; hit = ACRONYM.exec(slice)) {
      const word = hit[0];
      const start = s.start + hit.index;
      const end = start + word.length;
      if (word.replace(/\./g, '').length > MAX_LENGTH || ROMAN.test(word)) continue;
      // A capitalised surname is followed by a capitalised given name: "KISHIDA Fumio".
      if (word.length > 4 && /^\s\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) continue;
      while (m < mentions.length && mentions[m].end <= start) m++;
      if (m < mentions.length && mentions[m].start < end) continue;
      out.push({ start, end, text: word });
    }
  }
  return out;
}
