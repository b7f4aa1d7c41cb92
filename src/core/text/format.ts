// Numbers in messages, as "12,345" whatever the machine's locale. One formatter for the whole extension:
// Number.prototype.toLocaleString builds a new ICU formatter at every call, which cost milliseconds per status
// bar update on a large readout.
const counts = new Intl.NumberFormat('en-US');

/** `n` with thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return counts.format(n);
}
