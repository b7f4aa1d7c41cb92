// Features of a cue's clause for matching across two readouts: content-word stems (a light stemmer, no
// function words, boilerplate or stance words) and the ids of the entities named in it.
import type { EntityMention } from '../types';

const FUNCTION_WORDS = `a an the and or but nor so yet if as at by for from in into of off on onto out over to up upon with within
without about above across after against along among around before behind below beneath beside besides between beyond
during except inside near since than through throughout toward towards under until via this that these those there
here it its it's they them their theirs we us our ours he him his she her hers you your i me my who whom whose which
what when where while how why be is are was were been being am have has had having do does did doing will would shall
should can could may might must not no also further furthermore well including each every any all both either neither
other another such same own more most very just only even then thus therefore however very too again once how
one two three four five first second last next new`;

const BOILERPLATE = `leader leaders president presidents prime minister ministers secretary mr ms mrs sir honorable honourable
side sides country countries nation nations government governments people peoples today tonight yesterday tomorrow
morning afternoon evening week weeks month months year years time call meeting telephone phone talk talks counterpart
counterparts overview outset response behalf`;

// Stance words say how strongly or warmly something is held, not what is held: they belong to the cue.
const STANCE_WORDS = `importance important commitment commitments committed support supported supporting continue continued
continues continuing continuation steadfast unwavering strong strongly firm firmly shared share common close closely full
fully greater great significant significance vital key critical crucial essential enduring deep deeply view views
recognition hope hopes need needs necessity determination intention desire readiness willingness resolve work working
works worked together effort efforts ongoing aligned ambition ambitions kind range breadth many`;

const STOP = new Set(`${FUNCTION_WORDS} ${BOILERPLATE} ${STANCE_WORDS}`.split(/\s+/).filter(Boolean));

/**
 * A light suffix stripper: plural and verb endings off, a final "e" off, a doubled final consonant halved
 * ("committed" → "commit"). Good enough to make "defending"/"defend" and "issues"/"issue" meet.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly') && !/(ply|bly|ily|lly)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && /([bdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*/g;

export interface Features {
  words: Set<string>;
  entities: Set<string>;
}

/**
 * The entity mentions of one readout, found by span without scanning them all: a comparison asks once per cue
 * and once per sentence, and a scan each time made a long readout quadratic. Mentions come sorted by start
 * from the pipeline; an Analysis built otherwise falls back to the scan.
 */
export class EntitySpans {
  readonly sorted: boolean;
  private readonly maxLength: number;

  constructor(private readonly mentions: readonly EntityMention[]) {
    let sorted = true;
    let maxLength = 0;
    for (let i = 0; i < mentions.length; i++) {
      if (i && mentions[i].start < mentions[i - 1].start) sorted = false;
      maxLength = Math.max(maxLength, mentions[i].end - mentions[i].start);
    }
    this.sorted = sorted;
    this.maxLength = maxLength;
  }

  /** The mentions overlapping [start, end), in their order. */
  within(start: number, end: number): EntityMention[] {
    const all = this.mentions;
    if (!this.sorted) return all.filter((m) => m.start < end && m.end > start);
    // A mention that ends after `start` starts at most maxLength before it.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid].start < start - this.maxLength) lo = mid + 1;
      else hi = mid;
    }
    const out: EntityMention[] = [];
    for (let i = lo; i < all.length && all[i].start < end; i++) if (all[i].end > start) out.push(all[i]);
    return out;
  }
}

/** Content-word stems and entity ids in [start, end) of the text; words inside an entity name are not counted. */
export function featuresOf(text: string, start: number, end: number, spans: EntitySpans): Features {
  const mentions = spans.within(start, end);
  const words = new Set<string>();
  const slice = text.slice(start, end);
  // Words come in order, so with mentions sorted by start one pass tells which fall inside a name.
  let next = 0;
  let coveredTo = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const at = start + m.index;
    if (spans.sorted) {
      while (next < mentions.length && mentions[next].start <= at) coveredTo = Math.max(coveredTo, mentions[next++].end);
      if (at < coveredTo) continue;
    } else if (mentions.some((e) => at >= e.start && at < e.end)) continue;
    for (const part of m[0].split('-')) {
      const lower = part.toLowerCase().replace(/['’]s$/, '');
      if (lower.length < 3 || STOP.has(lower)) continue;
      const s = stem(lower);
      if (s.length >= 3 && !STOP.has(s)) words.add(s);
    }
  }
  return { words, entities: new Set(mentions.map((e) => e.id)) };
}

export function keys(f: Features): string[] {
  return [...f.words, ...[...f.entities].map((e) => `@${e}`)];
}
