import { createAnnotation } from '../../../lib/db/annotations';
import { buildExportFile, datedFileName } from '../../../lib/dashboard/exports';
import { liveDashboardData, readDashboardData } from '../../../lib/dashboard/live';
import { PAGE_SIZE } from '../../../lib/dashboard/model';
import {
  bulkData,
  DEVON_2020,
  DEVON_2025,
  DEVON_FOCUSED,
  GUARDIAN,
  LOCAL_PDF,
  modelOver,
  NOW,
  PLYMOUTH,
  quotes,
  sampleData,
  annotation,
} from './fixtures';
import { draft, freshDb } from '../db/helpers';

describe('dashboard model', () => {
  it('is not loaded while the data is null, and shows nothing', () => {
    const { model, source } = modelOver(null);
    expect(model.loaded.value).toBe(false);
    expect(model.filtered.value).toEqual([]);
    source.value = sampleData();
    expect(model.loaded.value).toBe(true);
    expect(model.filtered.value).toHaveLength(8);
  });

  it('recomputes every view when the data changes', () => {
    const { model, source } = modelOver();
    model.setFilter({ documents: [GUARDIAN] });
    expect(model.table.value.total).toBe(1);
    const data = sampleData();
    source.value = {
      ...data,
      annotations: [...data.annotations, annotation({ url: GUARDIAN, severity: 4 })],
    };
    expect(model.filtered.value).toHaveLength(2);
    expect(model.table.value.totals[0]).toBe(1);
  });

  it('toggles a document in and out of the filter', () => {
    const { model } = modelOver();
    model.toggleDocument(PLYMOUTH);
    expect(model.filter.value.documents).toEqual([PLYMOUTH]);
    expect(model.scope.value).toEqual({ kind: 'document', label: 'Plymouth ILACS 2024' });
    model.toggleDocument(PLYMOUTH);
    expect(model.filter.value.documents).toEqual([]);
    expect(model.scope.value.kind).toBe('all');
  });

  it('toggles a whole local authority, scoping the table to it', () => {
    const { model } = modelOver();
    model.toggleGroup('authority:Devon');
    expect(new Set(model.filter.value.documents)).toEqual(new Set([DEVON_2020, DEVON_2025, DEVON_FOCUSED]));
    expect(model.scope.value).toEqual({ kind: 'authority', label: 'Devon' });
    expect(model.table.value.total).toBe(5);
    model.toggleGroup('authority:Devon');
    expect(model.filter.value.documents).toEqual([]);
  });

  it('ticks the rest of a group when only some of its documents are ticked', () => {
    const { model } = modelOver();
    model.toggleDocument(DEVON_2020);
    model.toggleGroup('authority:Devon');
    expect(model.filter.value.documents).toHaveLength(3);
  });

  it('clears every filter', () => {
    const { model } = modelOver();
    model.setFilter({ text: 'caseloads', severities: [3], sites: ['www.devonlive.com'], from: '2026-01-01' });
    model.clearFilters();
    expect(model.filtered.value).toHaveLength(8);
    expect(model.scope.value.kind).toBe('all');
  });

  it('shows the first page of filtered annotations, more on request, and starts over when the filter changes', () => {
    const { model } = modelOver(bulkData(450, 20));
    expect(model.visible.value).toHaveLength(PAGE_SIZE);
    model.showMore();
    expect(model.visible.value).toHaveLength(400);
    model.showMore();
    expect(model.visible.value).toHaveLength(450);
    model.setFilter({ severities: [4] });
    expect(model.filtered.value).toHaveLength(90);
    expect(model.visible.value).toHaveLength(90);
    model.setFilter({ severities: [] });
    expect(model.visible.value).toHaveLength(PAGE_SIZE);
  });

  it('exports the filtered annotations while nothing is selected, the selected ones otherwise', () => {
    const { model } = modelOver();
    model.setFilter({ text: 'caseloads' });
    expect(quotes(model.exportTarget.value.annotations)).toEqual([
      'Social workers have manageable caseloads.',
      'Caseloads are too high.',
      'Caseloads across England remain high.',
    ]);
    const plymouth = model.index.value.byDocument.get(PLYMOUTH)![0]!;
    model.toggleSelected(plymouth.id);
    expect(model.exportTarget.value).toMatchObject({ selection: true, annotations: [plymouth] });
    model.toggleSelected(plymouth.id);
    expect(model.exportTarget.value.selection).toBe(false);
  });

  it('selects every filtered annotation, not only those shown', () => {
    const { model } = modelOver(bulkData(450, 20));
    model.selectAllFiltered();
    expect(model.selectedAnnotations.value).toHaveLength(450);
    model.clearSelection();
    expect(model.selectedAnnotations.value).toHaveLength(0);
  });

  it('forgets selected annotations that no longer exist', () => {
    const { model, source } = modelOver();
    model.selectAllFiltered();
    source.value = { ...sampleData(), annotations: [] };
    expect(model.selectedAnnotations.value).toEqual([]);
    expect(model.exportTarget.value.selection).toBe(false);
  });

  it('downloads the Markdown briefing of the filter, titled after its scope, with only the documents it cites', () => {
    const { model, deps } = modelOver();
    model.toggleGroup('authority:Devon');
    model.exportAs('markdown');
    const [input, options] = deps.builders.markdownBriefing.mock.calls[0]!;
    expect(quotes(input.annotations)).toHaveLength(5);
    expect(input.documents.map((d) => d.url)).toEqual([DEVON_2025, DEVON_2020]);
    expect(input.themes.length).toBeGreaterThan(0);
    expect(options).toMatchObject({ title: 'Ofsted briefing: Devon', now: NOW });
    expect(options.viewerUrl('https://x.example/a.pdf')).toBe(deps.viewerUrl('https://x.example/a.pdf'));
    expect(deps.download).toHaveBeenCalledWith(
      '# briefing\n',
      'ofsted-briefing-2026-04-07.md',
      'text/markdown',
    );
  });

  it('downloads CSV, W3C JSON-LD and native JSON of the selection, named by date', () => {
    const { model, deps } = modelOver();
    const guardian = model.index.value.byDocument.get(GUARDIAN)![0]!;
    model.toggleSelected(guardian.id);
    model.exportAs('csv');
    model.exportAs('w3c');
    model.exportAs('json');
    expect(deps.builders.csv).toHaveBeenCalledWith(expect.objectContaining({ annotations: [guardian] }));
    expect(deps.builders.w3c).toHaveBeenCalledWith(expect.objectContaining({ annotations: [guardian] }), {
      now: NOW,
    });
    expect(deps.builders.json).toHaveBeenCalledWith(
      expect.objectContaining({ annotations: [guardian] }),
      NOW,
    );
    expect(deps.download.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ['ofsted-annotations-2026-04-07.csv', 'text/csv'],
      ['ofsted-annotations-2026-04-07.jsonld', 'application/ld+json'],
      ['ofsted-annotations-2026-04-07.json', 'application/json'],
    ]);
    expect(JSON.parse(deps.download.mock.calls[1]![0] as string)).toEqual({ type: 'AnnotationCollection' });
  });

  it('copies the selected annotations as Markdown quotes', async () => {
    const { model, deps } = modelOver();
    const [first, second] = model.index.value.byDocument.get(DEVON_2025)!;
    model.toggleSelected(second!.id);
    model.toggleSelected(first!.id);
    await expect(model.copySelected()).resolves.toBe(2);
    expect(deps.builders.markdownQuotes).toHaveBeenCalledWith(
      expect.objectContaining({ annotations: [first, second] }),
      { viewerUrl: deps.viewerUrl },
    );
    expect(deps.copyText).toHaveBeenCalledWith('> quotes\n');
  });

  it('links a report’s quote to the viewer, a web page’s to a text fragment, and a local PDF’s nowhere', () => {
    const { model, deps } = modelOver();
    const report = model.index.value.byDocument.get(DEVON_2020)![1]!;
    expect(model.quoteHref(report)).toBe(`${deps.viewerUrl(DEVON_2020)}#page=4`);
    const news = model.index.value.byDocument.get(GUARDIAN)![0]!;
    expect(model.quoteHref(news)).toMatch(/^https:\/\/www\.theguardian\.com\/.*#:~:text=Caseloads/);
    expect(model.quoteHref(annotation({ url: LOCAL_PDF }))).toBeUndefined();
    expect(model.quoteHref(annotation({ url: 'javascript:alert(1)' }))).toBeUndefined();
  });
});

describe('exports', () => {
  it('names files by the local date', () => {
    expect(datedFileName('ofsted-briefing', 'md', new Date(2026, 0, 5, 23, 59))).toBe(
      'ofsted-briefing-2026-01-05.md',
    );
  });

  it('leaves the briefing’s default title when the export is not of one place', () => {
    const markdownBriefing = vi.fn(() => '');
    buildExportFile(
      'markdown',
      { annotations: [], documents: [], themes: [] },
      {
        builders: { markdownBriefing } as never,
        now: NOW,
        viewerUrl: String,
      },
    );
    expect(markdownBriefing).toHaveBeenCalledWith(expect.anything(), {
      now: NOW,
      viewerUrl: String,
      authors: false,
    });
  });
});

describe('reading the database', () => {
  it('reads every annotation, document and theme, and again after a change', async () => {
    const db = freshDb();
    await createAnnotation(db, {
      url: GUARDIAN,
      title: 'Councils struggle',
      draft: draft({ quote: 'Caseloads remain high.' }),
    });
    const data = await readDashboardData(db);
    expect(data.annotations).toHaveLength(1);
    expect(data.documents.map((d) => d.title)).toEqual(['Councils struggle']);
    expect(data.themes[0]!.id).toBe('leadership');

    const live = liveDashboardData(db);
    await vi.waitFor(() => expect(live.data.value?.annotations).toHaveLength(1));
    await createAnnotation(db, {
      url: PLYMOUTH,
      title: 'Plymouth ILACS',
      draft: draft({ quote: 'Managers check plans.', themes: [], severity: 1 }),
    });
    await vi.waitFor(() => expect(live.data.value?.annotations).toHaveLength(2));
    live.stop();
    db.close();
  });
});
