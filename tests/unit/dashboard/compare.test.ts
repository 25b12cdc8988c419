import { compareDocuments } from '../../../lib/dashboard/compare';
import { indexData } from '../../../lib/dashboard/documents';
import { annotation, DEVON_2020, DEVON_2025, GUARDIAN, quotes, sampleData, THEMES } from './fixtures';

describe('compareDocuments', () => {
  const index = indexData(sampleData());
  const c = compareDocuments(index, THEMES, DEVON_2020, DEVON_2025)!;

  it('names the two documents in the order chosen', () => {
    expect(c.first.title).toBe('Devon ILACS 2020');
    expect(c.second.title).toBe('Devon ILACS 2025');
  });

  it('has a row for each theme in either document, in picker order, then "No theme"', () => {
    expect(c.rows.map((r) => r.key)).toEqual(['workforce', 'partnership', 'front-door', '?none']);
  });

  it('counts each document’s annotations per severity under each theme', () => {
    const frontDoor = c.rows.find((r) => r.key === 'front-door')!;
    expect(frontDoor.first.counts).toEqual([1, 0, 0, 0, 0, 0]);
    expect(frontDoor.second.counts).toEqual([0, 0, 0, 1, 0, 0]);
    const partnership = c.rows.find((r) => r.key === 'partnership')!;
    expect(partnership.first.total).toBe(0);
    expect(partnership.second.total).toBe(1);
    expect(c.totals.first).toEqual([1, 1, 0, 0, 0, 0]);
    expect(c.totals.second).toEqual([0, 0, 0, 2, 1, 0]);
  });

  it('lists the quotes under each theme for each document', () => {
    const frontDoor = c.rows.find((r) => r.key === 'front-door')!;
    expect(quotes(frontDoor.first.annotations)).toEqual([
      'Thresholds are not consistently applied at the front door.',
    ]);
    expect(quotes(frontDoor.second.annotations)).toEqual(['Thresholds are now well understood by partners.']);
    expect(c.rows.find((r) => r.key === 'partnership')!.first.annotations).toEqual([]);
  });

  it('lists a theme’s quotes highest severity first, reading order within a severity', () => {
    const data = {
      ...sampleData(),
      annotations: [
        annotation({ url: GUARDIAN, quote: 'late strength', themes: ['voice'], severity: 1, start: 90 }),
        annotation({ url: GUARDIAN, quote: 'early strength', themes: ['voice'], severity: 1, start: 10 }),
        annotation({ url: GUARDIAN, quote: 'concern', themes: ['voice'], severity: 4, start: 50 }),
      ],
    };
    const cmp = compareDocuments(indexData(data), THEMES, GUARDIAN, GUARDIAN)!;
    expect(quotes(cmp.rows[0]!.first.annotations)).toEqual(['concern', 'early strength', 'late strength']);
  });

  it('is null until both documents are known', () => {
    expect(compareDocuments(index, THEMES, DEVON_2020, '')).toBeNull();
    expect(compareDocuments(index, THEMES, 'https://nowhere.example/', DEVON_2025)).toBeNull();
  });
});
