import { describe, expect, it } from 'vitest';
import { codePointLength, CodePointOffsets, legacyPositionsToCodePoints } from '../../../lib/anchoring/code-points';

describe('code points', () => {
  const text = 'Voice 👶 of the child 🧒🏽 matters';

  it('counts a character outside the Basic Multilingual Plane once', () => {
    expect(codePointLength('👶')).toBe(1);
    expect(codePointLength(text)).toBe([...text].length);
  });

  it('converts offsets both ways, agreeing with the string spread into code points', () => {
    const offsets = new CodePointOffsets(text);
    const points = [...text];
    let unit = 0;
    points.forEach((character, point) => {
      expect(offsets.toUtf16(point)).toBe(unit);
      expect(offsets.fromUtf16(unit)).toBe(point);
      unit += character.length;
    });
    expect(offsets.toUtf16(points.length)).toBe(text.length);
    expect(offsets.fromUtf16(text.length)).toBe(points.length);
  });

  it('maps offsets one to one in a text with no surrogates', () => {
    const offsets = new CodePointOffsets('plain text');
    expect(offsets.toUtf16(7)).toBe(7);
    expect(offsets.fromUtf16(7)).toBe(7);
  });

  it('converts a stored UTF-16 position by the pairs its own prefix and quote hold', () => {
    const quote = 'of the child 🧒';
    const start = text.indexOf(quote);
    const converted = legacyPositionsToCodePoints([
      { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(0, start), suffix: '' },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ]);
    const points = [...text];
    const pointStart = [...text.slice(0, start)].length;
    expect(converted[1]).toEqual({ type: 'TextPositionSelector', start: pointStart, end: pointStart + [...quote].length });
    expect(points.slice(pointStart, pointStart + [...quote].length).join('')).toBe(quote);
  });
});
