import { NO_FILTER } from '../../../lib/dashboard/filter';
import { PAGE_SIZE } from '../../../lib/dashboard/model';
import { bulkData, modelOver } from './fixtures';

// 10,000 annotations over 500 reports: what every view shows at that size. How fast it is
// is a benchmark figure, not a test (see the benchmark issue).
describe('the dashboard with 10,000 annotations over 500 documents', () => {
  const data = bulkData(10_000, 500);

  it('groups every document and shows the first page of annotations', () => {
    const { model } = modelOver(data);
    expect(model.index.value.groups).toHaveLength(50);
    expect(model.visible.value).toHaveLength(PAGE_SIZE);
    expect(model.table.value.total).toBe(10_000);
  });

  it('searches and counts what it finds', () => {
    const { model } = modelOver(data);
    model.setFilter({ text: 'thresholds authority' });
    expect(model.filtered.value).toHaveLength(1429);
    expect(model.table.value.total).toBe(1429);
  });

  it('combines filters so that every annotation shown matches each of them', () => {
    const { model } = modelOver(data);
    model.setFilter({ ...NO_FILTER, severities: [4, 3], themes: ['neglect'], from: '2026-01-02' });
    expect(model.filtered.value.length).toBeGreaterThan(0);
    for (const a of model.filtered.value) {
      expect([4, 3]).toContain(a.severity);
      expect(a.themes).toContain('neglect');
    }
  });

  it('scopes to a local authority, compares two of its documents and selects everything', () => {
    const { model } = modelOver(data);
    model.toggleGroup('authority:Authority 7');
    expect(model.filtered.value).toHaveLength(200);
    expect(model.scope.value).toEqual({ kind: 'authority', label: 'Authority 7' });
    const [a, b] = model.index.value.groups[3]!.documents;
    model.compareFirst.value = a!.url;
    model.compareSecond.value = b!.url;
    expect(model.comparison.value!.rows.length).toBeGreaterThan(0);
    model.clearFilters();
    model.selectAllFiltered();
    expect(model.exportTarget.value.annotations).toHaveLength(10_000);
  });
});
