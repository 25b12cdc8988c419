import { indexData } from '../../../lib/dashboard/documents';
import { filterAnnotations, NO_FILTER } from '../../../lib/dashboard/filter';
import { describeScope, themeSeverityTable } from '../../../lib/dashboard/table';
import {
  annotation,
  DEVON_2020,
  DEVON_2025,
  DEVON_FOCUSED,
  DEVON_LIVE,
  PLYMOUTH,
  sampleData,
  THEMES,
} from './fixtures';

describe('themeSeverityTable', () => {
  const table = themeSeverityTable(sampleData().annotations, THEMES);

  it('has a column per severity, highest first', () => {
    expect(table.columns.map((c) => c.label)).toEqual([
      'Serious concern',
      'Needs improvement',
      'Improving, not yet embedded',
      'Strength',
      'Context',
    ]);
  });

  it('adds an "Unrated" column last when something is unrated, never counting it as Context', () => {
    const withUnrated = themeSeverityTable(
      [annotation({ severity: -1, themes: ['workforce'] }), annotation({ severity: 0, themes: ['workforce'] })],
      THEMES,
    );
    expect(withUnrated.columns.map((c) => c.label).slice(-2)).toEqual(['Context', 'Unrated']);
    expect(withUnrated.totals.slice(-2)).toEqual([1, 1]);
    expect(withUnrated.rows[0]!.counts.slice(-2)).toEqual([1, 1]);
  });

  it('has a row per theme that occurs, in picker order, then "No theme"', () => {
    expect(table.rows.map((r) => r.label)).toEqual([
      'Management oversight and supervision',
      'Workforce stability and caseloads',
      'Multi-agency working',
      'Front door and thresholds',
      'No theme',
    ]);
  });

  it('counts each annotation under each of its themes, with row totals', () => {
    const row = (key: string) => table.rows.find((r) => r.key === key)!;
    expect(row('front-door').counts).toEqual([2, 0, 0, 1, 0]);
    expect(row('front-door').total).toBe(3);
    expect(row('workforce').counts).toEqual([0, 1, 1, 1, 0]);
    expect(row('partnership').counts).toEqual([0, 0, 0, 1, 0]);
    expect(row('?none').counts).toEqual([0, 0, 0, 0, 1]);
  });

  it('totals each severity counting every annotation once, whatever its number of themes', () => {
    expect(table.totals).toEqual([2, 2, 1, 2, 1]);
    expect(table.total).toBe(8);
    const rowSum = table.rows.reduce((s, r) => s + r.total, 0);
    expect(rowSum).toBe(9); // one annotation has two themes
  });

  it('puts theme ids it does not know under "Unknown theme", once per annotation', () => {
    const t = themeSeverityTable(
      [
        annotation({ themes: ['gone', 'also-gone'], severity: 4 }),
        annotation({ themes: ['neglect', 'gone'], severity: 2 }),
      ],
      THEMES,
    );
    expect(t.rows.map((r) => [r.label, r.counts])).toEqual([
      ['Neglect', [0, 0, 1, 0, 0]],
      ['Unknown theme', [1, 0, 1, 0, 0]],
    ]);
  });

  it('is empty for no annotations', () => {
    const t = themeSeverityTable([], THEMES);
    expect(t.rows).toEqual([]);
    expect(t.total).toBe(0);
  });

  it('follows the filter: one document’s table counts only its annotations', () => {
    const index = indexData(sampleData());
    const t = themeSeverityTable(filterAnnotations(index, { ...NO_FILTER, documents: [DEVON_2025] }), THEMES);
    expect(t.total).toBe(3);
    expect(t.totals).toEqual([0, 0, 0, 2, 1]);
  });
});

describe('describeScope', () => {
  const index = indexData(sampleData());

  it('is everything with no filter', () => {
    expect(describeScope(NO_FILTER, index)).toEqual({ kind: 'all', label: 'All annotations' });
  });

  it('names one document', () => {
    expect(describeScope({ ...NO_FILTER, documents: [PLYMOUTH] }, index)).toEqual({
      kind: 'document',
      label: 'Plymouth ILACS 2024',
    });
  });

  it('names the local authority when every one of its documents is chosen', () => {
    expect(
      describeScope({ ...NO_FILTER, documents: [DEVON_2020, DEVON_FOCUSED, DEVON_2025] }, index),
    ).toEqual({
      kind: 'authority',
      label: 'Devon',
    });
  });

  it('names a site chosen by its documents or by the site filter', () => {
    expect(describeScope({ ...NO_FILTER, documents: [DEVON_LIVE] }, index).kind).toBe('document');
    expect(describeScope({ ...NO_FILTER, sites: ['www.theguardian.com'] }, index)).toEqual({
      kind: 'site',
      label: 'www.theguardian.com',
    });
  });

  it('is "Filtered annotations" for some documents of an authority, or any other filter', () => {
    expect(describeScope({ ...NO_FILTER, documents: [DEVON_2020, DEVON_2025] }, index).label).toBe(
      'Filtered annotations',
    );
    expect(describeScope({ ...NO_FILTER, documents: [PLYMOUTH], severities: [3] }, index).kind).toBe(
      'filter',
    );
    expect(describeScope({ ...NO_FILTER, text: 'caseloads' }, index).kind).toBe('filter');
  });
});
