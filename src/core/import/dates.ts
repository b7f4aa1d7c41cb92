// Dates as pages print them ("July 5, 2024", "5 July 2024", "2024年7月5日", ISO timestamps) turned into the
// ISO day a readout's front matter holds; and the visible date line of an article, when its metadata has none.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

function iso(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The ISO day of the first date in `text`, or undefined. A timestamp keeps the day as written: a readout
 * published late on 5 July in Washington is dated 5 July, whatever the day is in UTC.
 */
export function isoDate(text: string): string | undefined {
  const candidates: { at: number; day: string | undefined }[] = [];
  const add = (m: RegExpExecArray | null, day: (m: RegExpExecArray) => string | undefined): void => {
    if (m) candidates.push({ at: m.index, day: day(m) });
  };
  add(ISO.exec(text), (m) => iso(+m[1], +m[2], +m[3]));
  add(MONTH_DAY_YEAR.exec(text), (m) => iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]));
  add(DAY_MONTH_YEAR.exec(text), (m) => iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]));
  add(CJK.exec(text), (m) => iso(+m[1], +m[2], +m[3]));
  const first = candidates.filter((c) => c.day !== undefined).sort((a, b) => a.at - b.at)[0];
  return first?.day;
}

/** Words that may stand around a date on a date line ("Published 5 July 2024", "Friday, ... | 6:42 PM EDT"). */
const DATE_LINE_WORD = /^(?:(?:first)?published|posted|released|issued|updated|last|date|dated|on|at|from|[ap]\.?m\.?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)$/i;
/** A time zone as pages print it: upper case only, so that "the" or "and" is not taken for one. */
const TIME_ZONE = /^(?:[A-Z]{2,4}|UTC[+-]\d{1,2})$/;

function onlyDateLineWords(rest: string): boolean {
  return rest
    .split(/[\s,|–—()/]+/)
    .map((w) => w.replace(/^[-.:]+|[-.:]+$/g, ''))
    .filter((w) => w.length > 0)
    .every((w) => DATE_LINE_WORD.test(w) || TIME_ZONE.test(w));
}

/**
 * The date of a line that is only a date (with words such as "Published" or a time around it), or undefined
 * for a line that merely mentions a date in a sentence: "On July 5, 2024, the two leaders agreed" is prose.
 */
export function dateLine(line: string): string | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > 80) return undefined;
  const day = isoDate(text);
  if (!day) return undefined;
  const rest = text.replace(ISO, ' ').replace(MONTH_DAY_YEAR, ' ').replace(DAY_MONTH_YEAR, ' ').replace(CJK, ' ').replace(/T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/, ' ');
  return onlyDateLineWords(rest) ? day : undefined;
}
