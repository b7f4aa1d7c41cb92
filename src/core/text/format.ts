// Numbers in messages, as "12,345" whatever the machine's locale. One formatter for the whole extension:
// Number.prototype.toLocaleString builds a new ICU formatter at every call, which cost milliseconds per status
// bar update on a large readout. Made on first use: building it costs tens of milliseconds, which the CLI would
// otherwise pay at every start for messages most runs never write.
let counts: Intl.NumberFormat | undefined;

/** `n` with thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  counts ??= new Intl.NumberFormat('en-US');
  return counts.format(n);
}
