import { indexData } from '../../../lib/dashboard/documents';
import {
  filterAnnotations,
  isFiltering,
  localDay,
  MINE,
  NO_FILTER,
  NO_THEME,
  type DashboardFilter,
} from '../../../lib/dashboard/filter';
import { DEVON_2020, DEVON_2025, DEVON_LIVE, GUARDIAN, PLYMOUTH, quotes, sampleData } from './fixtures';

const index = indexData(sampleData());
const run = (changes: Partial<DashboardFilter>) =>
  quotes(filterAnnotations(index, { ...NO_FILTER, ...changes }));

describe('filterAnnotations', () => {
  it('lets everything through with no filter, in index order', () => {
    expect(filterAnnotations(index, NO_FILTER)).toBe(index.ordered);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '   ' })).toBe(false);
  });

  it('searches quotes and notes for all the words, in any order and case', () => {
    expect(run({ text: 'THRESHOLDS applied' })).toEqual([
      'Thresholds are not consistently applied at the front door.',
      'Ofsted said thresholds were applied inconsistently.',
    ]);
    expect(run({ text: 'change since' })).toEqual(['Thresholds are now well understood by partners.']);
    expect(run({ text: 'syndicated thresholds' })).toEqual([
      'Ofsted said thresholds were applied inconsistently.',
    ]);
    expect(run({ text: 'thresholds elephant' })).toEqual([]);
  });

  it('keeps annotations with any of the chosen themes, or none when "No theme" is chosen', () => {
    expect(run({ themes: ['partnership', 'oversight'] })).toEqual([
      'Thresholds are now well understood by partners.',
      'Managers do not always record their decisions.',
    ]);
    expect(run({ themes: [NO_THEME] })).toEqual(['The council has commissioned a new family hub.']);
  });

  it('keeps annotations of any of the chosen severities', () => {
    expect(run({ severities: [4, 2] })).toEqual([
      'Thresholds are not consistently applied at the front door.',
      'Ofsted said thresholds were applied inconsistently.',
      'Caseloads across England remain high.',
    ]);
  });

  it('keeps annotations of the chosen documents', () => {
    expect(run({ documents: [PLYMOUTH, GUARDIAN] })).toEqual([
      'Managers do not always record their decisions.',
      'Caseloads across England remain high.',
    ]);
  });

  it('keeps annotations from the chosen sites', () => {
    expect(run({ sites: ['www.devonlive.com', 'www.theguardian.com'] })).toEqual([
      'Ofsted said thresholds were applied inconsistently.',
      'Caseloads across England remain high.',
    ]);
    expect(run({ sites: ['files.ofsted.gov.uk'] })).toHaveLength(6);
  });

  it('keeps annotations made between two days, both included', () => {
    expect(run({ dateField: 'annotated', from: '2026-03-01', to: '2026-03-01' })).toEqual([
      'Ofsted said thresholds were applied inconsistently.',
    ]);
    expect(run({ dateField: 'annotated', to: '2025-12-31' })).toEqual([
      'Caseloads are too high.',
      'Thresholds are not consistently applied at the front door.',
    ]);
  });

  it('by inspection dates, keeps reports whose visit overlaps the range and leaves out web pages', () => {
    expect(run({ dateField: 'inspected', from: '2024-01-01' })).toEqual([
      'Social workers have manageable caseloads.',
      'Thresholds are now well understood by partners.',
      'The council has commissioned a new family hub.',
      'Managers do not always record their decisions.',
    ]);
    // 2020-01-13 to 2020-01-24 overlaps a range that starts in the middle of the visit.
    expect(run({ dateField: 'inspected', from: '2020-01-20', to: '2020-12-31' })).toEqual([
      'Caseloads are too high.',
      'Thresholds are not consistently applied at the front door.',
    ]);
  });

  it('combines kinds: every kind must match', () => {
    expect(run({ text: 'thresholds', severities: [4] })).toEqual([
      'Thresholds are not consistently applied at the front door.',
      'Ofsted said thresholds were applied inconsistently.',
    ]);
    expect(run({ text: 'thresholds', severities: [4], sites: ['www.devonlive.com'] })).toEqual([
      'Ofsted said thresholds were applied inconsistently.',
    ]);
    expect(run({ themes: ['workforce'], documents: [DEVON_2020, DEVON_2025], severities: [1] })).toEqual([
      'Social workers have manageable caseloads.',
    ]);
    expect(run({ themes: ['workforce'], documents: [DEVON_LIVE] })).toEqual([]);
  });
});

describe('localDay', () => {
  it('gives the local calendar day of a time', () => {
    const noon = new Date(2026, 1, 3, 12, 0);
    expect(localDay(noon.toISOString())).toBe('2026-02-03');
    expect(localDay('not a date')).toBe('');
  });
});

describe('filtering by author (team spaces)', () => {
  const ANN = { user: 'ann', name: 'Ann Scrutiny' };
  const BEN = { user: 'ben', name: 'Ben Lead Member' };
  const data = sampleData();
  const [first, second, third] = data.annotations;
  data.annotations = [
    { ...first!, author: ANN, editor: ANN },
    { ...second!, author: BEN, editor: ANN },
    { ...third!, author: undefined },
  ];
  const spaceIndex = indexData(data);
  const by = (authors: string[], me?: string) =>
    filterAnnotations(spaceIndex, { ...NO_FILTER, authors }, me).map((a) => a.id);

  it('lists the authors who wrote annotations here, by name', () => {
    expect(spaceIndex.authors).toEqual([ANN, BEN]);
  });

  it('keeps "Mine": what the user wrote in the space and what was never shared', () => {
    expect(by([MINE], 'ann').sort()).toEqual([first!.id, third!.id].sort());
  });

  it('keeps a colleague’s annotations, whoever changed them last', () => {
    expect(by(['ben'], 'ann')).toEqual([second!.id]);
    expect(isFiltering({ ...NO_FILTER, authors: ['ben'] })).toBe(true);
  });
});
