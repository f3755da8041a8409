/**
 * Where a JSON text goes wrong, as line and column. Node 20's `JSON.parse` errors give no position for most
 * mistakes and quote the whole input back (megabytes, for a big file), so after a failed parse this scanner
 * walks the text once more to find the first offending character. Iterative (an explicit stack), so a
 * hostile, deeply nested file cannot overflow the call stack.
 */

import { coreMessage, type CoreCode, type CoreMessage, type MessageParams } from '../i18n/messages';

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  offset: number;
  reason: string;
  /** `reason`, coded for the user's language. */
  problem: CoreMessage;
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

/**
 * The character found, as params of a `core:json.*` message: the end of input and a line break are worded by
 * the catalog (i18next context `end` / `lineBreak`), any other character is quoted as it is.
 */
function describe(ch: string | undefined): MessageParams {
  if (ch === undefined) return { context: 'end' };
  if (ch === '\n') return { context: 'lineBreak' };
  return { what: `'${ch}'` };
}

const problem = (code: CoreCode, params: MessageParams = {}): CoreMessage => coreMessage(code, params);

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
  const string = (): CoreMessage | null => {
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
          if (!HEX4.test(text)) return problem('json.badUnicodeEscape', { escape: '\\u' });
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return problem('json.badEscape', { escape: `\\${e ?? ''}` });
        continue;
      }
      if (text.charCodeAt(i) < 0x20) return problem('json.controlInString', describe(c));
      i++;
    }
    return problem('json.unterminatedString');
  };
  /** A property name and its colon; leaves `i` at the value. */
  const member = (): CoreMessage | null => {
    ws();
    if (text[i] !== '"') return problem('json.expectedName', describe(text[i]));
    const bad = string();
    if (bad) return bad;
    ws();
    if (text[i] !== ':') return problem('json.expectedColon', describe(text[i]));
    i++;
    return null;
  };

  const reason = ((): CoreMessage | null => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) return problem('json.expectedValue', describe(c));
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
        if (!NUMBER.test(text)) return problem('json.badNumber');
        i = NUMBER.lastIndex;
      } else {
        LITERAL.lastIndex = i;
        if (!LITERAL.test(text)) return problem('json.expectedValue', describe(c));
        i = LITERAL.lastIndex;
      }
      // A value is complete: close containers or move to the next element.
      for (;;) {
        ws();
        if (stack.length === 0) return i < n ? problem('json.afterEnd', describe(text[i])) : null;
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
        if (d !== closer) return problem('json.expectedCommaOr', { ...describe(d), closer: `'${closer}'` });
        i++;
        stack.pop();
      }
    }
  })();
  if (reason === null) return null;
  return { ...lineColumn(text, i), offset: i, reason: reason.message, problem: reason };
}
