import { NO_FILTER } from '../../../lib/dashboard/filter';
import { PAGE_SIZE } from '../../../lib/dashboard/model';
import { bulkData, modelOver } from './fixtures';

// 10,000 annotations over 500 reports: every view is one pass over the data, so each step
// takes milliseconds. The budgets are generous (a slow CI machine) but catch work that grows
// with the square of the data, e.g. a look-up by scanning a list for each annotation.
describe('the dashboard with 10,000 annotations over 500 documents', () => {
  const data = bulkData(10_000, 500);

  function time(step: () => void): number {
    const start = performance.now();
    step();
    return performance.now() - start;
  }

  it('indexes, filters, counts and compares quickly', () => {
    const { model } = modelOver(data);
    const load = time(() => {
      expect(model.index.value.groups).toHaveLength(50);
      expect(model.visible.value).toHaveLength(PAGE_SIZE);
      expect(model.table.value.total).toBe(10_000);
    });
    const search = time(() => {
      model.setFilter({ text: 'thresholds authority' });
      expect(model.filtered.value).toHaveLength(1429);
      expect(model.table.value.total).toBe(1429);
    });
    const combined = time(() => {
      model.setFilter({
        ...NO_FILTER,
        severities: [4, 3],
        themes: ['neglect'],
        sites: ['files.ofsted.gov.uk'],
        from: '2026-01-02',
      });
      void model.table.value;
    });
    const group = time(() => {
      model.clearFilters();
      model.toggleGroup('authority:Authority 7');
      expect(model.filtered.value).toHaveLength(200);
      expect(model.scope.value).toEqual({ kind: 'authority', label: 'Authority 7' });
    });
    const compare = time(() => {
      const [a, b] = model.index.value.groups[3]!.documents;
      model.compareFirst.value = a!.url;
      model.compareSecond.value = b!.url;
      expect(model.comparison.value!.rows.length).toBeGreaterThan(0);
    });
    const selectAll = time(() => {
      model.clearFilters();
      model.selectAllFiltered();
      expect(model.exportTarget.value.annotations).toHaveLength(10_000);
    });
    for (const ms of [load, search, combined, group, compare, selectAll]) expect(ms).toBeLessThan(1000);
  });
});
