import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, writeCsv } from '../../src/core/csv.js';
import { firstJsonError, lineColumn, parseJsonLocated } from '../../src/core/json-locate.js';

const records = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.records;
};
const failure = (text: string) => {
  const parsed = parseCsv(text);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
};

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF and lone CR', () => {
    expect(records('a,b\n1,2\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(records('a,b\r\n1,2\r\n').map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
    expect(records('a,b\r1,2').map((r) => [r.line, r.cells])).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(records('a,,c\n,,\nx,').map((r) => r.cells)).toEqual([['a', '', 'c'], ['', '', ''], ['x', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting physical lines', () => {
    const text = 'h1,h2\n"a, b","say ""hi"""\n"multi\nline\r\nvalue",x\nlast,y\n';
    expect(records(text)).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a, b', 'say "hi"'] },
      { line: 3, cells: ['multi\nline\r\nvalue', 'x'] },
      { line: 6, cells: ['last', 'y'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(records('a\n\n\nb\n').map((r) => [r.line, r.cells])).toEqual([[1, ['a']], [4, ['b']]]);
  });

  it('names the line and column of an unterminated quote (where it opened)', () => {
    expect(failure('a,b\n1,2\n3,"open\nmore\n')).toEqual({
      line: 3,
      column: 3,
      message: 'a quoted field opened here is never closed (a closing " is missing)',
    });
  });

  it('rejects text after a closing quote and a quote inside an unquoted field', () => {
    expect(failure('a\n"x\n"y,z')).toMatchObject({ line: 3, column: 2 });
    expect(failure('a\n"x"y')).toMatchObject({ line: 2, column: 4, message: expect.stringContaining('doubled') });
    expect(failure('a,b\nab"c,d')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('unquoted') });
  });

  it('writes what it reads back exactly', () => {
    const rows = [
      ['id', 'name'],
      ['a, b', 'say "hi"'],
      ['multi\nline', ' padded '],
      ['سوريا', ''],
      ['plain', 'x\r\ny'],
    ];
    const text = writeCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(records(text).map((r) => r.cells)).toEqual(rows);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
  });
});

describe('parseJsonLocated', () => {
  it('parses valid JSON', () => {
    expect(parseJsonLocated('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('gives the line and column of a syntax error, whatever the engine says', () => {
    // V8 gives a position for some errors and none for others ("Unexpected token ..."); both
    // come out as line and column.
    expect(parseJsonLocated('[\n  {"a": 1},\n  {"b" 2}\n]')).toMatchObject({ ok: false, line: 3, column: 8 });
    expect(parseJsonLocated('[\r\n  1,\r\n  ]')).toMatchObject({ ok: false, line: 3, column: 3 });
    expect(parseJsonLocated('[1,\n 2,\n oops]')).toMatchObject({ ok: false, line: 3, column: 2 });
    expect(parseJsonLocated('[1, 2')).toMatchObject({ ok: false, line: 1, column: 6 });
    expect(parseJsonLocated('{"a": 1}\nx')).toMatchObject({ ok: false, line: 2, column: 1 });
  });

  it('finds errors inside strings', () => {
    expect(firstJsonError('["a\\x"]')).toBe(3);
    expect(firstJsonError('["a\nb"]')).toBe(3);
    expect(firstJsonError('"abc')).toBe(4);
  });

  it('survives deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999) + '}';
    expect(firstJsonError(deep)).toBe(deep.length - 1);
  });

  it('counts lines after CRLF, LF and lone CR', () => {
    expect(lineColumn('a\r\nb\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });
});
