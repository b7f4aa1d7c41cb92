// Acronyms the lexicons do not know ("MIT", "SCC" ...), so the editor can offer to add them to a workspace
// lexicon. Runs over sentences only, after entity matching, skipping anything already a mention.
import type { EntityMention, ParsedReadout, Span } from './types';

export interface UnknownAcronym extends Span {
  text: string;
}

const ROMAN = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$/;
const MAX_LENGTH = 8;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Letters beyond ASCII count as word characters so "ÉU" or "Ü" never start or end an acronym mid-word.
const isWordChar = (c: number): boolean => isUpper(c) || isLower(c) || isDigit(c) || c > 127;

/**
 * Acronyms are runs of capitals (digits and "&" inside, or dotted like "U.N.") standing alone as a word.
 * A hand-written scan: this runs on every keystroke and a Unicode regex cost a third of the analysis.
 */
export function findUnknownAcronyms(text: string, readout: ParsedReadout, mentions: readonly EntityMention[]): UnknownAcronym[] {
  const out: UnknownAcronym[] = [];
  let m = 0;
  for (const s of readout.sentences) {
    let i = s.start;
    while (i < s.end) {
      const c = text.charCodeAt(i);
      if (!isUpper(c) || (i > s.start && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46))) {
        i++;
        continue;
      }
      // Extend over capitals, digits, "&" and dots between capitals.
      let j = i + 1;
      let capitals = 1;
      while (j < s.end) {
        const d = text.charCodeAt(j);
        if (isUpper(d)) capitals++;
        else if (!(isDigit(d) || d === 38 || (d === 46 && j + 1 < s.end && isUpper(text.charCodeAt(j + 1))))) break;
        j++;
      }
      // A dotted acronym keeps its final dot ("U.N."); a lone capital before a dot is an initial.
      const dotted = text.charCodeAt(i + 1) === 46;
      if (dotted && text.charCodeAt(j) === 46) j++;
      const start = i;
      i = j;
      if (capitals < 2 || (j < s.end && isWordChar(text.charCodeAt(j)))) continue;
      const word = text.slice(start, j);
      if (word.replace(/\./g, '').length > MAX_LENGTH || ROMAN.test(word) || text.charCodeAt(j - 1) === 38) continue;
      // MOFA writes surnames in capitals before a capitalised given name: "KISHIDA Fumio".
      if (capitals > 4 && text.charCodeAt(j) === 32 && isUpper(text.charCodeAt(j + 1)) && isLower(text.charCodeAt(j + 2))) continue;
      while (m < mentions.length && mentions[m].end <= start) m++;
      if (m < mentions.length && mentions[m].start < j) continue;
      out.push({ start, end: j, text: word });
    }
  }
  return out;
}
