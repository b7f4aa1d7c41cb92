// Cancellation without the editor API: the shape of vscode.CancellationToken that the runtime needs, and a
// wait that a cancelled caller leaves early while the work it waited for goes on for the others.

/** What the runtime reads of a cancellation token; a vscode.CancellationToken is one. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/**
 * `work`'s result, or undefined as soon as `token` is cancelled (at once when it already is). The work itself
 * is not stopped: one analysis serves every provider that asks for a document version, and one caller giving
 * up must not make the others wait for a second one.
 */
export function unlessCancelled<T>(work: Promise<T>, token: Cancellation | undefined): Promise<T | undefined> {
  if (!token) return work;
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve(undefined);
    });
    work.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (err: unknown) => {
        listener.dispose();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
