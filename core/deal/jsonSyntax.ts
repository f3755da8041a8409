/**
 * Where a JSON text goes wrong, as line and column. Node 20's `JSON.parse` errors give no position for most
 * mistakes and quote the whole input back (megabytes, for a big file), so after a failed parse this scanner
 * walks the text once more to find the first offending character. Iterative (an explicit stack), so a
 * hostile, deeply nested file cannot overflow the call stack.
 */

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of input';
  if (ch === '\n') return 'line break';
  return `'${ch}'`;
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const OBJECT = 0;
  const ARRAY = 1;
  const stack: number[] = [];

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const string = (): string | null => {
    i++; // opening quote
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return 'invalid \\u escape (expected 4 hex digits)';
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return `invalid escape '\\${e ?? ''}' in string`;
        continue;
      }
      if (text.charCodeAt(i) < 0x20) return `${describe(c)} inside a string (strings cannot span lines)`;
      i++;
    }
    return 'unterminated string';
  };
  /** A property name and its colon; leaves `i` at the value. */
  const member = (): string | null => {
    ws();
    if (text[i] !== '"') return `unexpected ${describe(text[i])}: expected a property name in double quotes`;
    const bad = string();
    if (bad) return bad;
    ws();
    if (text[i] !== ':') return `unexpected ${describe(text[i])}: expected ':' after the property name`;
    i++;
    return null;
  };

  const reason = ((): string | null => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) return 'unexpected end of input: expected a value';
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) i++;
        else {
          stack.push(c === '{' ? OBJECT : ARRAY);
          if (c === '{') {
            const bad = member();
            if (bad) return bad;
          }
          continue;
        }
      } else if (c === '"') {
        const bad = string();
        if (bad) return bad;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return 'invalid number';
        i = NUMBER.lastIndex;
      } else {
        LITERAL.lastIndex = i;
        if (!LITERAL.test(text)) return `unexpected ${describe(c)}: expected a value`;
        i = LITERAL.lastIndex;
      }
      // A value is complete: close containers or move to the next element.
      for (;;) {
        ws();
        if (stack.length === 0)
          return i < n ? `unexpected ${describe(text[i])} after the end of the document` : null;
        const top = stack[stack.length - 1];
        const closer = top === OBJECT ? '}' : ']';
        const d = text[i];
        if (d === ',') {
          i++;
          if (top === OBJECT) {
            const bad = member();
            if (bad) return bad;
          }
          break;
        }
        if (d !== closer) return `unexpected ${describe(d)}: expected ',' or '${closer}'`;
        i++;
        stack.pop();
      }
    }
  })();
  if (reason === null) return null;
  return { ...lineColumn(text, i), offset: i, reason };
}
