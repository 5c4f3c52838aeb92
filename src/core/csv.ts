/**
 * A small RFC 4180 reader and writer, with exact physical line numbers for messages.
 *
 * Reading:
 * - fields are separated by commas and records by CRLF, LF or a lone CR;
 * - a field that starts with `"` is quoted: it ends at the next `"` that is not doubled, and
 *   may hold commas, quotes (written `""`) and line breaks, which are kept exactly as written;
 * - a quote inside an unquoted field, text after a closing quote, and a quote never closed are
 *   errors naming the physical line (and column) where they are; line numbers count the line
 *   breaks inside quoted fields, so a record's `line` is where it starts in the file;
 * - records that are wholly empty (blank lines, the final line break) are skipped.
 * The caller strips a byte-order mark; this module does not guess encodings or separators.
 *
 * Writing quotes a field when it holds a comma, a quote, a line break or leading/trailing
 * white space, and ends every record with CRLF, as RFC 4180 says.
 */

export interface CsvRecord {
  /** The 1-based physical line on which the record starts. */
  line: number;
  cells: string[];
}

export interface CsvError {
  line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number;
  message: string;
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvError };

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Parses CSV text into records. Never throws. */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const length = text.length;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let cells: string[] = [];
  let recordLine = 1;
  const error = (at: number, atLine: number, atLineStart: number, message: string): CsvParse => ({
    ok: false,
    error: { line: atLine, column: at - atLineStart + 1, message },
  });
  const endRecord = (): void => {
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  /** Consumes a line break at i (CRLF, LF or CR); returns false when there is none. */
  const lineBreak = (): boolean => {
    const c = text.charCodeAt(i);
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i += 1;
    else return false;
    line++;
    lineStart = i;
    return true;
  };

  while (i < length) {
    // At the start of a field.
    if (cells.length === 0) recordLine = line;
    if (text.charCodeAt(i) === QUOTE) {
      const openAt = i;
      const openLine = line;
      const openLineStart = lineStart;
      i++;
      let value = '';
      let chunk = i;
      for (;;) {
        if (i >= length) return error(openAt, openLine, openLineStart, 'a quoted field opened here is never closed (a closing " is missing)');
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            value += text.slice(chunk, i + 1);
            i += 2;
            chunk = i;
            continue;
          }
          value += text.slice(chunk, i);
          i++;
          break;
        }
        if (c === CR || c === LF) {
          // Kept verbatim; only the line count moves.
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          lineStart = i;
          continue;
        }
        i++;
      }
      cells.push(value);
      if (i >= length) break;
      const next = text.charCodeAt(i);
      if (next === COMMA) {
        i++;
        if (i >= length) cells.push('');
        continue;
      }
      if (lineBreak()) {
        endRecord();
        continue;
      }
      return error(i, line, lineStart, 'text after a closing quote: a quote inside a quoted field must be doubled ("")');
    }
    // An unquoted field: up to the next comma or line break.
    const from = i;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === CR || c === LF) break;
      if (c === QUOTE) return error(i, line, lineStart, 'a quote inside an unquoted field: quote the whole field and double the quote ("")');
      i++;
    }
    cells.push(text.slice(from, i));
    if (i >= length) break;
    if (text.charCodeAt(i) === COMMA) {
      i++;
      if (i >= length) cells.push('');
      continue;
    }
    lineBreak();
    endRecord();
  }
  if (cells.length) endRecord();
  return { ok: true, records };
}

/** Quotes a field when RFC 4180 needs it (or when its edge spaces would be lost by trimming readers). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV, each ended by CRLF. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(csvField).join(',') + '\r\n';
  return out;
}
