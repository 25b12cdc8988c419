import { render, screen, within } from '@testing-library/preact';
import { VisitsOverTimeSection } from '../../../components/dashboard/VisitsOverTime';
import { indexData, type DashboardIndex } from '../../../lib/dashboard/documents';
import { gradeRank, judgementOf, visitsOverTime } from '../../../lib/dashboard/visits';
import { readReportStructure } from '../../../lib/pdf/report-structure';
import type { Annotation, DocumentRecord, Severity } from '../../../lib/model';
import { loadReport, MORE, REPORTS } from '../pdf/helpers';
import { annotation, THEMES } from './fixtures';

/** Devon's four real documents, read as the viewer reads them, each with a few annotations. */
async function devonIndex(): Promise<DashboardIndex> {
  const files: Array<[string, string, Severity[]]> = [
    [REPORTS.devon2025, 'https://files.ofsted.gov.uk/v1/file/50276862', [4, 4, 3]],
    [MORE.sifDevon2015, 'https://files.ofsted.gov.uk/v1/file/50004292', [3]],
    [REPORTS.devon2020, 'https://files.ofsted.gov.uk/v1/file/50149435', [1, 2]],
    [MORE.focusedVisitDevon2019, 'https://files.ofsted.gov.uk/v1/file/50080000', []],
  ];
  const documents: DocumentRecord[] = [];
  const annotations: Annotation[] = [];
  for (const [file, url, severities] of files) {
    const { details } = readReportStructure(await loadReport(file));
    documents.push({
      url,
      title: file,
      details: details!,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    for (const severity of severities) annotations.push(annotation({ url, severity }));
  }
  return indexData({ annotations, documents, themes: THEMES });
}

describe('visits over time', () => {
  it("lists Devon's SIF inspection, focused visit and two ILACS inspections oldest first, each judgement in its own column", async () => {
    const { visits, judgements } = visitsOverTime(await devonIndex(), 'Devon');
    expect(visits.map((v) => [v.entry.visitType, v.entry.details!.inspectionDates.start])).toEqual([
      ['single inspection framework inspection', '2015-02-24'],
      ['focused visit', '2019-05-01'],
      ['standard inspection', '2020-01-20'],
      ['standard inspection', '2024-09-30'],
    ]);
    expect(judgements.map((j) => j.label)).toEqual(
      expect.arrayContaining([
        'Overall effectiveness',
        'Leaders',
        'Help and protection',
        'Children in care',
        'Adoption',
        'Care leavers',
      ]),
    );
    const column = (key: string) => visits.map((v) => v.grades.get(key)?.grade);
    expect(column('overall')).toEqual(['Requires improvement', undefined, 'Inadequate', 'Inadequate']);
    expect(column('in-care')).toEqual(['Requires Improvement', undefined, undefined, 'Inadequate']);
    expect(column('in-care-and-leavers')).toEqual([undefined, undefined, 'Inadequate', undefined]);
    expect(column('board')).toEqual(['Inadequate', undefined, undefined, undefined]);
  });

  it('says how each grade moved since the last visit that graded it, and counts annotations by severity', async () => {
    const { visits } = visitsOverTime(await devonIndex(), 'Devon');
    const [, , ilacs2020, ilacs2025] = visits;
    const change = (visit: typeof ilacs2020, key: string) => {
      const cell = visit!.grades.get(key)!;
      return [cell.change, cell.previous];
    };
    expect(change(ilacs2020, 'overall')).toEqual(['declined', 'Requires improvement']);
    expect(change(ilacs2025, 'overall')).toEqual(['same', 'Inadequate']);
    expect(change(ilacs2025, 'leaders')).toEqual(['improved', 'Inadequate']);
    expect(change(ilacs2025, 'help')).toEqual(['declined', 'Requires improvement to be good']);
    // Split since 2023: children in care and care leavers each against the combined grade of 2020.
    expect(change(ilacs2025, 'in-care')).toEqual(['same', 'Inadequate']);
    expect(change(ilacs2025, 'leavers')).toEqual(['same', 'Inadequate']);
    expect(ilacs2025!.bySeverity).toEqual([
      { level: 4, label: 'Serious concern', count: 2 },
      { level: 3, label: 'Needs improvement', count: 1 },
    ]);
    expect(visits[1]!.bySeverity).toEqual([]);
  });

  it('draws the table a screen reader reads: a row per visit, its kind and dates as the row header, changes in words', async () => {
    render(<VisitsOverTimeSection index={await devonIndex()} />);
    // Drawn just after the first paint (the section is below the first screen).
    const table = await screen.findByRole('table', { name: /Devon: 4 reports and letters, oldest first/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'single inspection framework inspection24 February – 18 March 2015',
      'focused visit1 and 2 May 2019',
      'standard inspection20 January 2020 to 31 January 2020',
      'standard inspection30 September to 11 October 2024 and 13 to 16 January 2025',
    ]);
    expect(rows[3]!.textContent).toMatch(
      /Inadequate ↓ \(declined from (Good|Requires improvement to be good)\)/,
    );
    expect(rows[3]!.textContent).toContain('2 serious concern, 1 needs improvement');
  });
});

describe('judgementOf and gradeRank', () => {
  it('lines up the same judgement as each framework words it', () => {
    expect(judgementOf('The impact of leaders on social work practice with children and families').key).toBe(
      'leaders',
    );
    expect(judgementOf('Leadership, management and governance').key).toBe('leaders');
    expect(judgementOf('Children looked after and achieving permanence').key).toBe('in-care');
    expect(judgementOf('The experiences and progress of children in care and care leavers').key).toBe(
      'in-care-and-leavers',
    );
    expect(judgementOf('The experiences and progress of care leavers').key).toBe('leavers');
    expect(judgementOf('Overall effectiveness (looked after children)').key).toBe('overall');
    expect(judgementOf('Youth offending').key).toBe('other:youth offending');
  });

  it('ranks grades of every scale, as printed', () => {
    expect(
      [
        'Outstanding',
        'Good',
        'Requires improvement to be good',
        'Grade 3 (Adequate)',
        'Inadequate',
        'require improvement',
      ].map(gradeRank),
    ).toEqual([1, 2, 3, 3, 4, 3]);
    expect(gradeRank('Grade 2 (Good)')).toBe(2);
    expect(gradeRank('Not judged')).toBeUndefined();
  });
});
