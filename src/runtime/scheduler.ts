// Turns of the event loop shared by every job that works in slices (analysis, diagnostics, the outline), so
// they take turns one at a time instead of running all their slices in the same turn, one long block.

// Node's setImmediate, read off the global object rather than named: the browser bundle's check (esbuild.js) fails
// on any use of a Node global.
const immediate = (globalThis as { setImmediate?: (resume: () => void) => unknown }).setImmediate;
/**
 * Runs `resume` on a later turn: setImmediate in Node; setTimeout(0) in the browser's web worker extension host,
 * which has no setImmediate. A MessageChannel message would skip the 4 ms a browser waits before a nested
 * setTimeout(0), but measured there it held the host's timers back: a 1 ms heartbeat ran 78 times during a 2 MB
 * readout's analysis in slices, against 275 with setTimeout (one run each, load average about 20), whose fairness
 * is worth the slower analysis.
 */
const laterTurn: (resume: () => void) => void = immediate ? (resume) => void immediate(resume) : (resume) => void setTimeout(resume, 0);

/** Longest stretch of analysis on the main thread before it yields to the event loop. */
export const SLICE_MS = 8;

/**
 * Jobs waiting in nextTurn(), resumed one per turn of the event loop: the urgent ones (the analysis and the
 * diagnostics a reader waits for after a keystroke) before the rest (semantic tokens, the outline), which the
 * editor asks for after every edit and which would otherwise take turns with them and double their wait.
 * One scheduler serves the whole extension: two would each resume a job in the same turn.
 */
export class TurnScheduler {
  private readonly urgent: (() => void)[] = [];
  private readonly rest: (() => void)[] = [];
  private pumping = false;

  /**
   * Resolves on a later turn of the event loop. With a setImmediate each, Node would run the slices of all
   * waiting jobs in the same turn, one long block. `urgent` jobs go before the others.
   */
  nextTurn(urgent = false): Promise<void> {
    return new Promise((resolve) => {
      (urgent ? this.urgent : this.rest).push(resolve);
      if (!this.pumping) {
        this.pumping = true;
        laterTurn(this.resumeOne);
      }
    });
  }

  /**
   * Resolves once the event loop has gone round at least once, its timers and I/O in between: two turns, since
   * Node runs an immediate queued from an I/O callback (a worker's message) in that same round of the loop, so
   * one turn from there only leaves the callback, not the block.
   */
  async nextRound(urgent = false): Promise<void> {
    await this.nextTurn(urgent);
    await this.nextTurn(urgent);
  }

  private readonly resumeOne = (): void => {
    const next = this.urgent.shift() ?? this.rest.shift();
    if (this.urgent.length || this.rest.length) laterTurn(this.resumeOne);
    else this.pumping = false;
    next?.();
  };
}
