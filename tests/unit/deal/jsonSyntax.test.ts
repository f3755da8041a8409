import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findJsonSyntaxError, lineColumn } from '../../../core/deal/jsonSyntax';

const at = (text: string) => {
  const e = findJsonSyntaxError(text);
  return e && `${e.line}:${e.column} ${e.reason}`;
};

describe('findJsonSyntaxError', () => {
  it('points at the first bad character with line and column', () => {
    expect(at('{"a": 1,\n "b": }')).toBe("2:7 unexpected '}': expected a value");
    expect(at('{\n  "a": 1,\n}')).toBe("3:1 unexpected '}': expected a property name in double quotes");
    expect(at('[1, 2,]')).toBe("1:7 unexpected ']': expected a value");
    expect(at('{"a" 1}')).toBe("1:6 unexpected '1': expected ':' after the property name");
    expect(at('{"a": tru}')).toBe("1:7 unexpected 't': expected a value");
    expect(at('{"a": 1')).toBe("1:8 unexpected end of input: expected ',' or '}'");
    expect(at('')).toBe('1:1 unexpected end of input: expected a value');
    expect(at('{"a": 1} x')).toBe("1:10 unexpected 'x' after the end of the document");
    expect(at('{"a": "line\nbreak"}')).toBe('1:12 line break inside a string (strings cannot span lines)');
    expect(at('{"a": 01}')).toBe("1:8 unexpected '1': expected ',' or '}'");
    expect(at('{"a": "\\x"}')).toBe("1:8 invalid escape '\\x' in string");
    expect(at("{'a': 1}")).toBe("1:2 unexpected ''': expected a property name in double quotes");
  });

  it('accepts every document JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        return findJsonSyntaxError(text) === null;
      }),
    );
  });

  it('finds an error exactly when JSON.parse fails', () => {
    const mangled = fc
      .tuple(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '{', '[', '\\'),
      )
      .map(([v, pos, insert]) => {
        const s = JSON.stringify(v, null, 1);
        const p = pos % (s.length + 1);
        return s.slice(0, p) + insert + s.slice(p);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        return (findJsonSyntaxError(text) === null) === parses;
      }),
      { numRuns: 500 },
    );
  });

  it('survives hostile nesting without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findJsonSyntaxError(deep)).toBeNull();
    expect(findJsonSyntaxError('['.repeat(200_000))!.reason).toBe(
      'unexpected end of input: expected a value',
    );
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
