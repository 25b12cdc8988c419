import { fireEvent, render, screen, within } from '@testing-library/preact';
import { Dashboard } from '../../../components/dashboard/Dashboard';
import { ComparisonBars } from '../../../components/dashboard/charts/ComparisonBars';
import { HeatMap } from '../../../components/dashboard/charts/HeatMap';
import { compareDocuments } from '../../../lib/dashboard/compare';
import { indexData } from '../../../lib/dashboard/documents';
import { themeSeverityTable } from '../../../lib/dashboard/table';
import { DEVON_2020, DEVON_2025, modelOver, quotes, sampleData, THEMES } from './fixtures';

const ALL = { kind: 'all' as const, label: 'All annotations' };

function heatMap() {
  const data = sampleData();
  const table = themeSeverityTable(data.annotations, data.themes);
  const onFilter = vi.fn();
  render(<HeatMap table={table} scope={ALL} onFilter={onFilter} />);
  return { table, onFilter };
}

describe('heat map', () => {
  it('is a named picture whose cells are buttons, each named by theme, severity and count (0 too)', () => {
    const { table } = heatMap();
    const picture = screen.getByRole('group', {
      name: 'Heat map: Themes by severity — All annotations (8 annotations)',
    });
    const cells = within(picture).getAllByRole('button');
    expect(cells).toHaveLength(table.rows.length * table.columns.length);
    expect(cells.map((c) => c.getAttribute('aria-label')).slice(0, 2)).toEqual([
      'Management oversight and supervision, Serious concern: 0 annotations. Filter to these',
      'Management oversight and supervision, Needs improvement: 1 annotation. Filter to these',
    ]);
    for (const cell of cells) {
      expect(cell.getAttribute('tabindex')).toBe('0');
      expect(cell.querySelector('text')!.textContent).toMatch(/^\d+$/);
    }
  });

  it('filters to a cell’s theme and severity on click, Enter or Space', () => {
    const { onFilter } = heatMap();
    const cell = screen.getByRole('button', {
      name: 'Front door and thresholds, Serious concern: 2 annotations. Filter to these',
    });
    fireEvent.click(cell);
    expect(onFilter).toHaveBeenLastCalledWith('front-door', 4);
    fireEvent.keyDown(screen.getByRole('button', { name: /^No theme, Context: 1 annotation/ }), {
      key: 'Enter',
    });
    expect(onFilter).toHaveBeenLastCalledWith('?none', 0);
    fireEvent.keyDown(screen.getByRole('button', { name: /^Workforce stability and caseloads, Strength/ }), {
      key: ' ',
    });
    expect(onFilter).toHaveBeenLastCalledWith('workforce', 1);
    expect(onFilter).toHaveBeenCalledTimes(3);
  });

  it('has the table it draws as its text alternative, every count in it, shown on demand', () => {
    const { table } = heatMap();
    const alternative = screen.getByRole('table', {
      name: 'Themes by severity — All annotations (8 annotations)',
    });
    for (const row of table.rows) {
      const cells = within(alternative)
        .getByRole('rowheader', { name: row.label })
        .closest('tr')!
        .querySelectorAll('td');
      expect([...cells].map((td) => Number(td.textContent))).toEqual([...row.counts, row.total]);
    }
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(alternative.closest('.chart-table')!.classList.contains('visually-hidden')).toBe(true);
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the table' }).getAttribute('aria-expanded')).toBe('true');
    expect(alternative.closest('.chart-table')!.classList.contains('visually-hidden')).toBe(false);
  });

  it('on the dashboard, a cell sets the filter to its theme and severity and the list follows', () => {
    const { model } = modelOver(sampleData());
    render(<Dashboard model={model} />);
    fireEvent.click(
      screen.getByRole('button', { name: /^Front door and thresholds, Serious concern: 2 annotations/ }),
    );
    expect(model.filter.value.themes).toEqual(['front-door']);
    expect(model.filter.value.severities).toEqual([4]);
    expect(quotes(model.filtered.value)).toEqual([
      'Thresholds are not consistently applied at the front door.',
      'Ofsted said thresholds were applied inconsistently.',
    ]);
    expect(screen.getByText('Showing 2 of 2 annotations.')).toBeTruthy();
  });

  it('draws nothing but the message when there is nothing to count', () => {
    render(<HeatMap table={themeSeverityTable([], THEMES)} scope={ALL} onFilter={() => {}} />);
    expect(screen.getByText('No annotations to count.')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });
});

describe('visits over time picture', () => {
  it('draws Devon’s visits as a named image, its table the text alternative', async () => {
    const { model } = modelOver(sampleData());
    render(<Dashboard model={model} />);
    // Drawn just after the first paint (the section is below the first screen).
    const section = await screen.findByRole('region', { name: 'Visits over time' });
    const picture = within(section).getByRole('img', { name: 'Visits over time: Devon' });
    const shown = [...picture.querySelectorAll('text')].map((t) => t.textContent);
    expect(shown).toEqual(
      expect.arrayContaining(['January 2020', 'June 2023', 'January 2025', '2 annotations']),
    );
    expect(
      within(section).getByRole('table', { name: 'Devon: 3 reports and letters, oldest first' }),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Show as table' })).toBeTruthy();
  });
});

describe('comparison bars', () => {
  it('draws paired bars older above newer, the counts per severity as its table', () => {
    const c = compareDocuments(indexData(sampleData()), THEMES, DEVON_2025, DEVON_2020)!;
    render(<ComparisonBars comparison={c} themes={THEMES} />);
    expect(
      screen.getByRole('img', {
        name: 'Annotations per theme by severity: Devon ILACS 2020 against Devon ILACS 2025',
      }),
    ).toBeTruthy();
    const table = screen.getByRole('table', {
      name: 'Counts by severity for each theme, older document first',
    });
    const row = (name: string) =>
      [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map((td) =>
        Number(td.textContent),
      );
    // Columns: the severities either uses (serious concern, needs improvement, strength, context), then the total.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Theme', 'Document', 'Serious concern', 'Needs improvement', 'Strength', 'Context', 'Total']);
    const [frontDoor2020, frontDoor2025] = within(table)
      .getAllByRole('rowheader', { name: /^20(20|25): Devon ILACS/ })
      .slice(0, 2);
    expect(frontDoor2020!.textContent).toBe('2020: Devon ILACS 2020');
    expect(frontDoor2025!.textContent).toBe('2025: Devon ILACS 2025');
    expect(row('Front door and thresholds')).toEqual([1, 0, 0, 0, 1]);
  });
});
