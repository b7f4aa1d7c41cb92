// CPU profiles of the extension host for the bench's figures (performance.test.ts, workspacePerformance.test.ts):
// recording one, our own longest block in it, and what ran in the longest gap between two ticks of a test's 5 ms
// interval timer (whose code, or the operating system setting the process aside).
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/**
 * Records a CPU profile of the extension host while `run` runs when `always` is set or READOUT_LENS_CPU_PROFILE
 * names a folder (then it is also written there as `<name>.cpuprofile`, to open in Chrome DevTools or VS Code).
 */
export async function profiled<T>(name: string, run: () => Promise<T>, always = false): Promise<{ result: T; profile?: CpuProfile }> {
  const dir = process.env.READOUT_LENS_CPU_PROFILE;
  if (!dir && !always) return { result: await run() };
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  let stopped: CpuProfile | undefined;
  let result: T;
  try {
    result = await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    }
    session.disconnect();
    stopped = profile;
  }
  return { result, profile: stopped };
}

/**
 * Our longest block: the most CPU time spent in Readout Lens's own code (a frame of its bundle on the stack;
 * garbage collection right after such a sample counts as its own) between two ticks of the test's 5 ms
 * interval timer. Node runs timers at every turn of its event loop, so one task of ours, or one slice of a job
 * that yields, lies between two ticks; `ticks` are their times on the profile's clock (microseconds). The
 * event-loop figures cover the whole extension host, which also runs VS Code's own extensions (links, merge
 * conflicts, git).
 */
export function ownLongestBlock(profile: CpuProfile, bundle: string, ticks: readonly number[], capMs = Infinity): { ms: number; where: string } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map<number, string | null>();
  /** The innermost frame of our bundle on the sample's stack, or null. */
  const ourFrame = (id: number): string | null => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    let found: string | null = null;
    if (n && n.callFrame.url === bundle) found = n.callFrame.functionName || '(anonymous)';
    else if (parent.has(id)) found = ourFrame(parent.get(id) as number);
    ours.set(id, found);
    return found;
  };
  let best = { ms: 0, where: '' };
  let gap = 0;
  let inGap = 0;
  let lastOurs = false;
  const where = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    // A tick between the last sample and this one: a new gap.
    if (gap < ticks.length && ticks[gap] <= t) {
      while (gap < ticks.length && ticks[gap] <= t) gap++;
      inGap = 0;
      lastOurs = false;
      where.clear();
    }
    const id = profile.samples[i];
    const dt = Math.min(capMs, (profile.timeDeltas[i + 1] ?? 0) / 1000);
    const frame = ourFrame(id);
    const gc = byId.get(id)?.callFrame.functionName === '(garbage collector)';
    if (frame !== null || (gc && lastOurs)) {
      inGap += dt;
      lastOurs = true;
      if (frame) where.set(frame, (where.get(frame) ?? 0) + dt);
      if (inGap > best.ms) best = { ms: inGap, where: [...where].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '' };
    } else lastOurs = false;
  }
  return { ms: Number(best.ms.toFixed(1)), where: best.where };
}

/**
 * The most one sample of the profile may count for in ownLongestSampledMs: four sampling intervals. On a machine
 * whose cores are all busy the operating system sets the extension host aside for tens of milliseconds, and the
 * sample taken before that then spans the whole wait, counted as our code's time; capped, a figure counts what
 * ran.
 */
export const SAMPLE_CAP_MS = 2;

/** What filled the longest gap between two ticks: the gap, our code's CPU time in it, and what else ran. */
export interface GapCause {
  /** The gap, in milliseconds. */
  ms: number;
  /** Samples with a frame of our bundle on the stack, in milliseconds (each capped at SAMPLE_CAP_MS). */
  oursMs: number;
  /** The function (and file) at the top of the stack for most of the gap, with its share. */
  mostly: string;
  /** The largest single sample interval in the gap: the process set aside by the operating system, when large. */
  longestSampleMs: number;
}

/** What ran in the longest gap of `ticks` (on the profile's clock, microseconds). */
export function longestGapCause(profile: CpuProfile, bundle: string, ticks: readonly number[]): GapCause {
  let from = 0;
  let to = 0;
  for (let i = 1; i < ticks.length; i++) if (ticks[i] - ticks[i - 1] > to - from) [from, to] = [ticks[i - 1], ticks[i]];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isOurs = (id: number | undefined): boolean => {
    for (; id !== undefined; id = parent.get(id)) if (byId.get(id)?.callFrame.url === bundle) return true;
    return false;
  };
  const leaf = new Map<string, number>();
  let oursMs = 0;
  let longestSampleMs = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    longestSampleMs = Math.max(longestSampleMs, dt);
    if (isOurs(profile.samples[i])) oursMs += Math.min(SAMPLE_CAP_MS, dt);
    const frame = byId.get(profile.samples[i])?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'}${frame.url ? ` (${frame.url.split('/').pop()})` : ''}` : '?';
    leaf.set(name, (leaf.get(name) ?? 0) + dt);
  }
  const ms = (to - from) / 1000;
  const [top, topMs] = [...leaf].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return {
    ms: Number(ms.toFixed(1)),
    oursMs: Number(oursMs.toFixed(1)),
    mostly: top ? `${top} ${Math.round((100 * topMs) / Math.max(ms, 1e-9))}%` : '',
    longestSampleMs: Number(longestSampleMs.toFixed(1)),
  };
}
