// The actor of a cue: its subject as readers see it, with "he", "she", "they" resolved to the latest named actor
// of the right number (within ACTOR_HISTORY actor-bearing cues).
import type { SentenceContext } from './sentence';
import { findSubject, type Subject } from './subject';
import type { Token } from './tokens';
import type { CueWords } from './words';

/** Whitespace other than a single space: a line break, a tab, two spaces in a row. */
const ODD_SPACE = /[^\S ]| {2}/;

/** The actor as readers see it: single-spaced (a subject may run across a line break), "The" lower-cased. */
function actorText(text: string, tokens: Token[], subject: Subject): string {
  let raw = text.slice(tokens[subject.start].start, tokens[subject.end - 1].end);
  if (ODD_SPACE.test(raw)) raw = raw.replace(/\s+/g, ' ');
  return raw.startsWith('The ') ? `the ${raw.slice(4)}` : raw;
}

function isPlural(W: CueWords, actor: string): boolean {
  const a = actor.toLowerCase();
  if (/ and /.test(a) || W.pluralActors.has(a)) return true;
  for (const start of W.pluralActorStarts) if (a.startsWith(start)) return true;
  for (const end of W.pluralActorEnds) if (a.endsWith(end)) return true;
  return false;
}

export const ACTOR_PRONOUN = 0;
export const ACTOR_PLURAL = 1;
export const ACTOR_SINGULAR = 2;
/**
 * Is the actor a pronoun (never a resolution target), a plural or a singular party? Decided once per spelling (the
 * word classes' memo is bounded, cleared when full; results never depend on it).
 */
export function actorKind(W: CueWords, actor: string): number {
  const { actorKinds } = W;
  let kind = actorKinds.get(actor);
  if (kind === undefined) {
    kind = W.pronouns.has(actor.toLowerCase()) ? ACTOR_PRONOUN : isPlural(W, actor) ? ACTOR_PLURAL : ACTOR_SINGULAR;
    if (actorKinds.size >= 4096) actorKinds.clear();
    actorKinds.set(actor, kind);
  }
  return kind;
}

/** Records an actor (of history or of an accepted cue) of kind `kind` (actorKind) for pronoun resolution. */
export function noteActor(ctx: SentenceContext, actor: string, kind: number): void {
  if (kind === ACTOR_PLURAL) ctx.lastPlural = actor;
  else if (kind === ACTOR_SINGULAR) ctx.lastSingular = actor;
}

/**
 * A pronoun actor findCues resolves from the actors before it when it can ("he", "she", "they") and leaves as
 * written when it cannot: with a longer history before it (an earlier paragraph), it may resolve after all.
 */
export function isOpenPronoun(W: CueWords, actor: string): boolean {
  return W.openPronouns.has(actor.toLowerCase());
}

/** Pronouns reach back this many actor-bearing cues: further back, a guess is worse than no actor. */
export const ACTOR_HISTORY = 6;

export function resolveActor(ctx: SentenceContext, subject: Subject): string | undefined {
  const W = ctx.words;
  const { tokens } = ctx;
  if (subject.kind === 'coordinated') return ctx.accepted[ctx.accepted.length - 1]?.cue.actor;
  if (subject.kind !== 'np') return undefined;
  const actor = actorText(ctx.text, tokens, subject);
  const lower = actor.toLowerCase();
  if (W.expletives.has(lower)) return undefined; // "It was agreed that": a passive, its actor unnamed
  if (!W.openPronouns.has(lower)) return actor;
  // "The Prime Minister said (that) he ...": the pronoun is the reporting verb's subject.
  let r = subject.start - 1;
  if (r >= 0 && tokens[r].lower === 'that') r--;
  if (r >= 0 && W.reportingVerbs.has(tokens[r].lower)) {
    const reporter = findSubject(W, tokens, r);
    if (reporter.kind === 'np') {
      const name = actorText(ctx.text, tokens, reporter);
      if (!W.pronouns.has(name.toLowerCase())) return name;
    }
  }
  // The most recent named actor of the right number: kept up to date as cues are accepted (noteActor), so a
  // long sentence of pronouns stays linear.
  return (W.pluralActors.has(lower) ? ctx.lastPlural : ctx.lastSingular) ?? actor;
}
