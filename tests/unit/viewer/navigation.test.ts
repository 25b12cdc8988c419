import { mostVisiblePage, outputRatio, parsePageNumber } from '../../../lib/viewer/geometry';
import { PAGE_INPUT_NAME, pageKeyDirection } from '../../../lib/viewer/keys';
import { clampZoom, fitWidthScale, percent, zoomIn, zoomOut } from '../../../lib/viewer/zoom';

describe('zoom', () => {
  it('steps through 50% to 300%', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(3)).toBe(3);
    expect(zoomOut(0.5)).toBe(0.5);
  });

  it('steps from a fitted zoom to the next step', () => {
    expect(zoomIn(1.37)).toBe(1.5);
    expect(zoomOut(1.37)).toBe(1.25);
  });

  it('fits a page to the width, less the margins, within 50%–300%', () => {
    expect(fitWidthScale(1032, 1000)).toBe(1);
    expect(fitWidthScale(1532, 1000)).toBe(1.5);
    expect(fitWidthScale(200, 1000)).toBe(0.5);
    expect(fitWidthScale(0, 1000)).toBe(1);
    expect(clampZoom(9)).toBe(3);
    expect(percent(1.25)).toBe('125%');
  });
});

describe('mostVisiblePage', () => {
  const pages = [0, 1, 2, 3].map((i) => ({ top: 16 + i * 1012, height: 1000 }));

  it('is the page that shows most', () => {
    expect(mostVisiblePage(pages, 0, 800)).toBe(1);
    expect(mostVisiblePage(pages, 700, 800)).toBe(2);
    expect(mostVisiblePage(pages, 2500, 900)).toBe(3);
    expect(mostVisiblePage(pages, 3000, 900)).toBe(4);
  });

  it('is the first of pages that show equally (all of them, zoomed out)', () => {
    const small = [0, 1, 2].map((i) => ({ top: 16 + i * 312, height: 300 }));
    expect(mostVisiblePage(small, 0, 1000)).toBe(1);
  });

  it('is 1 without pages', () => {
    expect(mostVisiblePage([], 0, 100)).toBe(1);
  });
});

describe('parsePageNumber', () => {
  it('reads a number and brings it within the pages', () => {
    expect(parsePageNumber('7', 14)).toBe(7);
    expect(parsePageNumber(' 3 ', 14)).toBe(3);
    expect(parsePageNumber('99', 14)).toBe(14);
    expect(parsePageNumber('0', 14)).toBe(1);
    expect(parsePageNumber('seven', 14)).toBeNull();
    expect(parsePageNumber('', 14)).toBeNull();
    expect(parsePageNumber('2.5', 14)).toBeNull();
  });
});

describe('outputRatio', () => {
  it("is the screen's ratio for a page that fits, less for a huge one", () => {
    expect(outputRatio(800, 1100, 2)).toBe(2);
    const ratio = outputRatio(4000, 5600, 2);
    expect(ratio).toBeLessThan(2);
    expect(4000 * 5600 * ratio * ratio).toBeLessThanOrEqual(2 ** 24 + 1);
  });
});

describe('pageKeyDirection', () => {
  const key = (k: string, target: Element = document.body, mods: Partial<KeyboardEvent> = {}) =>
    pageKeyDirection({
      key: k,
      target,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      ...mods,
    });

  it('moves a page with PageUp and PageDown', () => {
    expect(key('PageDown')).toBe(1);
    expect(key('PageUp')).toBe(-1);
    expect(key('ArrowDown')).toBeNull();
    expect(key('PageDown', document.body, { ctrlKey: true })).toBeNull();
  });

  it('also in the page number field, but not in other fields or the dialog', () => {
    document.body.innerHTML = `
      <input name="${PAGE_INPUT_NAME}"><input name="filter"><select><option>1</option></select>
      <div role="dialog"><button>Save</button></div>`;
    expect(key('PageDown', document.querySelector(`[name="${PAGE_INPUT_NAME}"]`)!)).toBe(1);
    expect(key('PageDown', document.querySelector('[name="filter"]')!)).toBeNull();
    expect(key('PageDown', document.querySelector('select')!)).toBeNull();
    expect(key('PageDown', document.querySelector('[role="dialog"] button')!)).toBeNull();
  });
});
