// Line breaks of every style a readout may use (LF, CRLF, CR alone): one place that knows them, for every stage
// that cuts text at a paragraph break.

/**
 * Where the last paragraph break (a blank line: LF LF, CRLF CRLF or CR CR) at or before `limit` starts, or -1.
 * Only the two adjacent breaks are looked for, as the size-limit cut has always done for LF.
 */
export function lastParagraphBreak(text: string, limit: number): number {
  return Math.max(text.lastIndexOf('\n\n', limit), text.lastIndexOf('\r\n\r\n', limit), text.lastIndexOf('\r\r', limit));
}
