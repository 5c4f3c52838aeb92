/**
 * JSON.parse with the line and column of a syntax error.
 *
 * Engines word their errors differently: V8 says "... in JSON at position N" for some errors,
 * "(line L column C)" in newer versions, and nothing at all for others ("Unexpected token 'a',
 * "abc" is not valid JSON"); Firefox says "at line L column C of the JSON data". The position
 * is taken from the message when there is one and, when there is none, found by a small
 * scanner of our own that stops at the first character that cannot continue valid JSON.
 * Lines are counted after CRLF, LF or a lone CR; columns are 1-based UTF-16 code units.
 */

export type JsonParse = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

export function parseJsonLocated(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const message = raw.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ of the JSON data$/, '');
    const lineCol = /line (\d+) column (\d+)/.exec(raw);
    if (lineCol) return { ok: false, line: Number(lineCol[1]), column: Number(lineCol[2]), message };
    const position = /at position (\d+)/.exec(raw);
    const offset = position ? Number(position[1]) : /end of JSON input/i.test(raw) ? text.length : firstJsonError(text);
    return { ok: false, ...lineColumn(text, offset), message };
  }
}

/** Line and column (1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const WS = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * The offset of the first character at which `text` stops being valid JSON (text.length when
 * it ends too early). Iterative, so deep nesting cannot overflow the stack.
 */
export function firstJsonError(text: string): number {
  let i = 0;
  const skip = (): void => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const token = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  /** Open containers: '[' or '{'. */
  const stack: string[] = [];
  // States: 'value' expects a value; 'after' has just read a value.
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    if (state === 'value') {
      const c = text[i];
      if (c === '[') {
        stack.push('[');
        i++;
        skip();
        if (text[i] === ']') {
          stack.pop();
          i++;
          state = 'after';
        }
        continue;
      }
      if (c === '{') {
        stack.push('{');
        i++;
        skip();
        if (text[i] === '}') {
          stack.pop();
          i++;
          state = 'after';
        } else state = 'key';
        continue;
      }
      if (c === '"') {
        if (!token(STRING)) return stringError(text, i);
      } else if (!token(NUMBER) && !token(LITERAL)) return i;
      state = 'after';
      continue;
    }
    if (state === 'key') {
      if (text[i] !== '"') return i;
      if (!token(STRING)) return stringError(text, i);
      skip();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) return i; // trailing text (or, for valid JSON, its length)
    const c = text[i];
    if (c === ',') {
      i++;
      state = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}

/** Where inside a string starting at `start` it goes wrong. */
function stringError(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i;
    if (c < 0x20) return i;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return i;
        i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return i;
      i += 2;
      continue;
    }
    i++;
  }
  return text.length;
}
