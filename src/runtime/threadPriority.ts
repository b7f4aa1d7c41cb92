// Background analysis at a lower scheduling priority than the extension host's own thread. The workspace worker
// analyses every readout of a folder while the host's thread keeps the editor responsive; on a machine whose
// cores are busy the operating system shares them out in slices, and a worker at the same priority can set the
// host aside for tens of milliseconds. On Linux a thread has a nice value of its own (setpriority on its thread
// id): the worker thread lowers only its own, never the process's. Elsewhere it stays as it is.
import * as fs from 'fs';
import * as os from 'os';

/** The nice value of the workspace worker: below the host (0), above idle-only work (19). */
export const BACKGROUND_NICE = 10;

/** The thread id in the target of `/proc/thread-self` ("<pid>/task/<tid>"), or undefined. */
export function threadIdOf(link: string): number | undefined {
  const m = /\/task\/(\d+)$/.exec(link);
  return m ? Number(m[1]) : undefined;
}

/**
 * Lowers the calling thread's priority to `nice` where the system has per-thread priorities (Linux); returns the
 * thread id it applied to, or undefined where it could not (another system, no /proc, a sandbox refusing it).
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): number | undefined {
  try {
    const tid = threadIdOf(fs.readlinkSync('/proc/thread-self'));
    if (tid === undefined) return undefined;
    if (os.getPriority(tid) < nice) os.setPriority(tid, nice);
    return tid;
  } catch {
    return undefined;
  }
}
