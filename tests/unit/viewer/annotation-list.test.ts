import { listItems } from '../../../lib/viewer/annotation-list';
import { annotation } from '../components/fixtures';

describe('listItems', () => {
  document.body.innerHTML = '<p id="a">first second third</p>';
  const text = document.getElementById('a')!.firstChild!;
  const rangeAt = (start: number, end: number) => {
    const r = document.createRange();
    r.setStart(text, start);
    r.setEnd(text, end);
    return r;
  };

  it('lists found annotations in reading order, then those not found, by page', () => {
    const late = annotation({ quote: 'third', citation: { page: 4 } });
    const early = annotation({ quote: 'first', citation: { page: 1, paragraph: 2 } });
    const lostLate = annotation({ quote: 'gone', citation: { page: 9 } });
    const lostEarly = annotation({ quote: 'also gone', citation: { page: 2, pageEnd: 3 } });
    const ranges = new Map([
      [late.id, rangeAt(13, 18)],
      [early.id, rangeAt(0, 5)],
    ]);
    const items = listItems([late, lostLate, early, lostEarly], new Set([lostLate.id, lostEarly.id]), {
      rangeOf: (id) => ranges.get(id),
      pageOf: () => undefined,
    });
    expect(items.map((i) => [i.annotation.quote, i.orphan, i.page, i.pageEnd, i.paragraph])).toEqual([
      ['first', false, 1, undefined, 2],
      ['third', false, 4, undefined, undefined],
      ['also gone', true, 2, 3, undefined],
      ['gone', true, 9, undefined, undefined],
    ]);
  });

  it('takes the page from where an annotation without citation was found', () => {
    const found = annotation({ quote: 'second' });
    const [item] = listItems([found], new Set(), { rangeOf: () => rangeAt(6, 12), pageOf: () => 5 });
    expect(item).toMatchObject({ orphan: false, page: 5 });
  });

  it('treats an annotation with no painted range as not found', () => {
    const [item] = listItems([annotation()], new Set(), { rangeOf: () => undefined, pageOf: () => 1 });
    expect(item!.orphan).toBe(true);
    expect(item!.page).toBeUndefined();
  });
});
