import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { malformedQueryField } from './request-guards.js';

/** The rule itself, field by field: the first field whose name or value does not decode. */
function firstUndecodable(query: string): string | undefined {
  for (const pair of query.split('&')) {
    const [name = '', ...rest] = pair.split('=');
    const decodes = (text: string) => {
      try {
        decodeURIComponent(text);
        return true;
      } catch {
        return false;
      }
    };
    if (!decodes(name) || (rest.length > 0 && !decodes(rest.join('=')))) return pair;
  }
  return undefined;
}

// Query strings built from the pieces that matter: escapes (valid, truncated, non-hex, lone UTF-8 lead and
// continuation bytes), separators and plain characters.
const piece = fc.constantFrom(
  '%E7%8E%A9',
  '%E7%8E',
  '%E7',
  '%A9',
  '%ZZ',
  '%2',
  '%25',
  '%C3%28',
  'q',
  '=',
  '&',
  '+',
  'a',
);
const query = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('malformedQueryField', () => {
  it('finds a malformed field exactly when one field fails to decode (the one-call shortcut changes nothing)', () => {
    fc.assert(
      fc.property(query, (q) => {
        const found = malformedQueryField(`/v1/products?${q}`);
        expect(found === undefined).toBe(firstUndecodable(q) === undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the field whose value is broken', () => {
    expect(malformedQueryField('/v1/products?q=%E7%8E%A9&city=%E7%8E')).toBe('city');
    expect(malformedQueryField('/v1/products?q=%E7%8E%A9%E5%85%B7')).toBeUndefined();
  });
});
