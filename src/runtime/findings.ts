// Which findings of an Analysis become diagnostics, with which severity and message: shared by the open-file
// diagnostics (src/extension/diagnostics.ts) and the workspace worker, so a readout shows the same problems open or not.
// Severities are numbered as vscode.DiagnosticSeverity (0 error … 3 hint); no 'vscode' import.
import { cueMessage } from '../core/report/cards';
import { unknownNameIntroductions, unknownNameMessage } from '../core/report/unknownNames';
import { LineIndex } from '../core/text/lines';
import type { Analysis, CuePattern, ReadoutProblem } from '../core/types';

export const FIRM_CODE = 'firm-commitment';
export const HEDGED_CODE = 'hedged-commitment';
export const UNKNOWN_ACRONYM_CODE = 'unknown-acronym';
/** On the first mention of a name no lexicon knows (E5), recognised by its evidence. */
export const UNKNOWN_NAME_CODE = 'unknown-name';

/** Normalises a cue text for the ignore list: case, white space and curly quotes do not matter. */
export function ignoreKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the settings say about diagnostics, as plain data that can cross to a worker. */
export interface FindingOptions {
  /** Severity (0-3) of firm cues, hedged cues, unknown acronyms and unknown names; -1: not shown. */
  firm: number;
  hedged: number;
  acronym: number;
  name: number;
  /** Cue texts to skip, already passed through ignoreKey. */
  ignored: readonly string[];
  maxDiagnostics: number;
}

/** The choice of findings, made once per analysis before any diagnostic is built. */
export interface FindingPlan {
  /** Per cue, then per unknown acronym, then per unknown name: its severity, or -1 when it is not published. */
  severities: Int8Array;
  /** Indices into analysis.entities of the unknown names' first mentions (empty when they are not shown). */
  names: number[];
  /** How many more findings of each severity fit under maxDiagnostics (counted down while building). */
  quota: number[];
  /** How many of the file's own problems are shown (all come first). */
  problemsShown: number;
  /** Findings there would be without the limit. */
  eligible: number;
}

/**
 * At most maxDiagnostics findings, chosen as VS Code chooses the (at most 1,000) it shows: errors first, then
 * warnings, information and hints, each in document order; the problems of the file itself (cut at the size
 * limit, binary content, a long line: a handful at most) always come first. Allocation-free but for the
 * severities array.
 */
export function planFindings(analysis: Analysis, options: FindingOptions, ignored: ReadonlySet<string>): FindingPlan {
  const cues = analysis.cues;
  const acronyms = options.acronym < 0 ? [] : analysis.unknownAcronyms;
  const names = options.name < 0 ? [] : unknownNameIntroductions(analysis.entities);
  const problems = analysis.readout.problems;
  const severities = new Int8Array(cues.length + acronyms.length + names.length).fill(-1);
  const perSeverity = [0, 0, 0, 0];
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    const severity = cue.strength === 'firm' ? options.firm : options.hedged;
    if (severity < 0) continue;
    if (ignored.size > 0 && ignored.has(ignoreKey(cue.text))) continue;
    severities[i] = severity;
    perSeverity[severity]++;
  }
  if (options.acronym >= 0) {
    severities.fill(options.acronym, cues.length, cues.length + acronyms.length);
    perSeverity[options.acronym] += acronyms.length;
  }
  if (options.name >= 0) {
    severities.fill(options.name, cues.length + acronyms.length);
    perSeverity[options.name] += names.length;
  }
  const problemsShown = Math.min(problems.length, options.maxDiagnostics);
  const quota = [0, 0, 0, 0];
  let budget = options.maxDiagnostics - problemsShown;
  for (let s = 0; s < 4; s++) {
    quota[s] = Math.min(perSeverity[s], budget);
    budget -= quota[s];
  }
  const eligible = perSeverity[0] + perSeverity[1] + perSeverity[2] + perSeverity[3] + problems.length;
  return { severities, names, quota, problemsShown, eligible };
}

/** The diagnostic severity of a problem of the file itself. */
export function problemSeverity(severity: ReadoutProblem['severity']): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

export function cueCode(strength: string): string {
  return strength === 'firm' ? FIRM_CODE : HEDGED_CODE;
}

export function acronymMessage(word: string): string {
  return `"${word}" is in no lexicon: add it to a workspace lexicon to get a hover card.`;
}

/**
 * A file's diagnostics as they cross from a worker: per finding six numbers in `positions` (start line and
 * column, end line and column, severity, code index into FINDING_CODES) and its message. Typed arrays and
 * strings deserialise far faster than as many small objects.
 */
export interface FileFindings {
  positions: Int32Array;
  messages: string[];
  /** The codes of the file's own problems, which come first (code index -1). */
  problemCodes: string[];
  /** Findings there would be without readoutLens.diagnostics.maxPerFile. */
  eligible: number;
}

/** Codes by index in FileFindings.positions. */
export const FINDING_CODES = [FIRM_CODE, HEDGED_CODE, UNKNOWN_ACRONYM_CODE, UNKNOWN_NAME_CODE] as const;

/**
 * The findings of a whole analysis in one go, as planFindings chooses them and with the open-file path's
 * messages (the workspace worker's: it has no event loop to share).
 */
export function collectFindings(
  analysis: Analysis,
  text: string,
  options: FindingOptions,
  patterns: ReadonlyMap<string, CuePattern> | undefined,
): FileFindings {
  const plan = planFindings(analysis, options, new Set(options.ignored));
  const { severities, quota } = plan;
  const lines = new LineIndex(text);
  const positions: number[] = [];
  const messages: string[] = [];
  const problemCodes: string[] = [];
  const push = (start: number, end: number, severity: number, code: number, message: string): void => {
    const a = lines.position(start);
    const b = lines.position(end);
    positions.push(a.line, a.column, b.line, b.column, severity, code);
    messages.push(message);
  };
  const problems = analysis.readout.problems;
  for (let i = 0; i < plan.problemsShown; i++) {
    const p = problems[i];
    push(p.start, Math.max(p.end, p.start), problemSeverity(p.severity), -1, p.message);
    problemCodes.push(p.code);
  }
  const cues = analysis.cues;
  for (let i = 0; i < cues.length; i++) {
    const severity = severities[i];
    if (severity < 0 || quota[severity]-- <= 0) continue;
    const cue = cues[i];
    push(cue.start, cue.end, severity, cue.strength === 'firm' ? 0 : 1, cueMessage(cue, patterns?.get(cue.patternId)));
  }
  const acronyms = options.acronym < 0 ? [] : analysis.unknownAcronyms;
  for (let i = 0; i < acronyms.length; i++) {
    const severity = severities[cues.length + i];
    if (quota[severity]-- <= 0) continue;
    const a = acronyms[i];
    push(a.start, a.end, severity, 2, acronymMessage(text.slice(a.start, a.end)));
  }
  const names = plan.names;
  for (let i = 0; i < names.length; i++) {
    const severity = severities[cues.length + acronyms.length + i];
    if (quota[severity]-- <= 0) continue;
    const m = analysis.entities[names[i]];
    push(m.start, m.end, severity, 3, unknownNameMessage(m.name, m.type));
  }
  return { positions: Int32Array.from(positions), messages, problemCodes, eligible: plan.eligible };
}
