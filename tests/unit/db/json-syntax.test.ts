import fc from 'fast-check';
import { parseJson } from '../../../lib/db/import';
import { ENDS_TOO_SOON, findSyntaxError } from '../../../lib/db/json-syntax';
import { jsonBreakingChar } from './fuzz/arbitraries';

/** fast-check's parameters: its own random seed, or FC_SEED (and FC_PATH) to replay a failure. */
const replay: fc.Parameters<unknown> = process.env.FC_SEED
  ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH }
  : {};

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** JSON text, then the same text cut, or with a character put in, taken out or changed. */
const nearlyJson = fc
  .tuple(
    fc.json({ maxDepth: 4 }),
    fc.boolean(),
    fc.nat(),
    fc.constantFrom('cut', 'insert', 'delete', 'replace'),
    jsonBreakingChar,
  )
  .map(([json, indent, pick, how, c]) => {
    const text = indent ? JSON.stringify(JSON.parse(json), null, 2) : json;
    const at = pick % (text.length + 1);
    switch (how) {
      case 'cut':
        return text.slice(0, at);
      case 'insert':
        return text.slice(0, at) + c + text.slice(at);
      case 'delete':
        return text.slice(0, at) + text.slice(at + 1);
      default:
        return text.slice(0, at) + c + text.slice(at + 1);
    }
  });

describe('findSyntaxError', () => {
  it('finds nothing wrong in JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findSyntaxError(text)).toBeUndefined();
      }),
      replay,
    );
  });

  it('finds an error exactly where JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(nearlyJson, (text) => {
        const problem = findSyntaxError(text);
        expect(problem === undefined).toBe(parses(text));
        if (problem) {
          expect(problem.offset).toBeGreaterThanOrEqual(0);
          expect(problem.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000, ...replay },
    );
  });

  it.each([
    ['{"a": }', 6, 'unexpected “}” where a value should be'],
    ['{"a": 1 "b": 2}', 8, 'unexpected “"” where a comma or “}” should be'],
    ['[1, 2,]', 6, 'unexpected “]” where a value should be'],
    ['{"a" 1}', 5, 'unexpected “1” where a colon should follow the property name'],
    ['{a: 1}', 1, 'unexpected “a” where a property name in double quotes should be'],
    ['{"a": "b\u0001"}', 8, 'unexpected character U+0001 in text (write it as an escape)'],
    ['"\\x"', 2, 'unexpected “x” after a backslash'],
    ['-x', 1, 'unexpected “x” where a digit should be'],
    ['{} {}', 3, 'unexpected “{” after the end of the data'],
    ['\ufeff{}', 0, 'unexpected character U+FEFF where a value should be'],
    ['{"a": [1, 2', 11, ENDS_TOO_SOON],
    ['{"a": tru', 9, ENDS_TOO_SOON],
    ['', 0, ENDS_TOO_SOON],
  ])('says what is wrong in %j, and where', (text, offset, reason) => {
    expect(findSyntaxError(text)).toEqual({ offset, reason });
  });

  it('scans text nested deeper than the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findSyntaxError(deep)).toBeUndefined();
    expect(findSyntaxError(`${deep.slice(0, -1)}}`)).toEqual({
      offset: 399_999,
      reason: 'unexpected “}” where a comma or “]” should be',
    });
  });
});

describe('parseJson', () => {
  it('says on which line and column a file stops being JSON when the engine does not say', () => {
    // V8 words this "Unexpected token '}', "{ … }" is not valid JSON", with no position.
    expect(() => parseJson('{\n  "format": "ofsted-annotator",\n  "version": }')).toThrow(
      'This file is not valid JSON: line 3, column 14: unexpected “}” where a value should be',
    );
  });
});
