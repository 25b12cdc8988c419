import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { FIRST_ITEMS } from '../../../components/dashboard/AnnotationList';
import { Dashboard } from '../../../components/dashboard/Dashboard';
import { FIRST_DOCUMENTS } from '../../../components/dashboard/DocumentGroups';
import type { DashboardData } from '../../../lib/dashboard/documents';
import type { ImportOptions } from '../../../lib/db/import';
import type { DashboardDeps } from '../../../lib/dashboard/model';
import { bulkData, DEVON_2020, DEVON_2025, GUARDIAN, modelOver, quotes, sampleData } from './fixtures';

function setup(data: DashboardData | null = sampleData(), overrides: Partial<DashboardDeps> = {}) {
  const made = modelOver(data, overrides);
  render(<Dashboard model={made.model} />);
  return made;
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const documentsColumn = () => screen.getByRole('region', { name: 'Documents' });
const annotationList = () => screen.getByRole('region', { name: 'Annotations' });
const listedQuotes = () =>
  within(annotationList())
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('blockquote')!.textContent);

describe('Dashboard', () => {
  it('is titled "Ofsted Annotator dashboard" and says when it is loading', () => {
    setup(null);
    expect(screen.getByRole('heading', { level: 1, name: 'Ofsted Annotator dashboard' })).toBeTruthy();
    expect(screen.getByText('Loading annotations…')).toBeTruthy();
  });

  it('says there is nothing yet when the database is empty, and still offers import', () => {
    setup({ annotations: [], documents: [], themes: [] });
    expect(screen.getByText(/No annotations yet/)).toBeTruthy();
    expect(screen.getByLabelText('Import a file')).toBeTruthy();
  });

  it('shows why the database could not be read', () => {
    const { model } = modelOver(null);
    render(<Dashboard model={model} loadError="QuotaExceededError" />);
    expect(screen.getByRole('alert').textContent).toBe('Could not read the annotations: QuotaExceededError');
  });

  describe('documents column', () => {
    it('lists documents under their local authority or site, each with a checkbox and a link', () => {
      const { deps } = setup();
      const devon = within(documentsColumn()).getByRole('group', { name: 'Devon' });
      const titles = within(devon)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.doc-title')!.textContent);
      expect(titles).toEqual(['Devon ILACS 2025', 'Devon focused visit 2023', 'Devon ILACS 2020']);
      expect(
        within(devon).getByText(/standard inspection · Inspected 2025-01-13 to 2025-01-24 · 3 annotations/),
      ).toBeTruthy();
      expect(within(devon).getByRole('link', { name: 'Open Devon ILACS 2020' }).getAttribute('href')).toBe(
        deps.viewerUrl(DEVON_2020),
      );
      const news = within(documentsColumn()).getByRole('group', { name: 'www.theguardian.com' });
      expect(within(news).getByRole('link').getAttribute('href')).toBe(GUARDIAN);
    });

    it('filters by a document when its checkbox is ticked, and by the whole authority from the group’s', () => {
      setup();
      fireEvent.click(screen.getByRole('checkbox', { name: 'Devon ILACS 2020' }));
      expect(listedQuotes()).toEqual([
        'Caseloads are too high.',
        'Thresholds are not consistently applied at the front door.',
      ]);
      const all = screen.getByRole('checkbox', { name: 'Devon' }) as HTMLInputElement;
      expect(all.indeterminate).toBe(true);
      fireEvent.click(all);
      expect(listedQuotes()).toHaveLength(5);
      expect(screen.getByRole('table', { name: /Local authority: Devon \(5 annotations\)/ })).toBeTruthy();
    });
  });

  describe('filter bar', () => {
    it('searches quotes and notes', () => {
      setup();
      fireEvent.input(screen.getByRole('searchbox', { name: 'Search quotes and notes' }), {
        target: { value: 'caseloads high' },
      });
      expect(listedQuotes()).toEqual(['Caseloads are too high.', 'Caseloads across England remain high.']);
    });

    it('filters by themes chosen in the multi-select', () => {
      setup();
      const select = screen.getByRole('listbox', { name: 'Themes (any of)' }) as HTMLSelectElement;
      for (const option of select.options)
        option.selected = ['oversight', 'partnership'].includes(option.value);
      fireEvent.change(select);
      expect(listedQuotes()).toEqual([
        'Thresholds are now well understood by partners.',
        'Managers do not always record their decisions.',
      ]);
    });

    it('filters by severity checkboxes', () => {
      setup();
      const severity = screen.getByRole('group', { name: 'Severity (any of)' });
      fireEvent.click(within(severity).getByRole('checkbox', { name: 'Serious concern' }));
      expect(listedQuotes()).toEqual([
        'Thresholds are not consistently applied at the front door.',
        'Ofsted said thresholds were applied inconsistently.',
      ]);
      fireEvent.click(within(severity).getByRole('checkbox', { name: 'Context' }));
      expect(listedQuotes()).toHaveLength(3);
    });

    it('filters by site', () => {
      setup();
      fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), {
        target: { value: 'www.devonlive.com' },
      });
      expect(listedQuotes()).toEqual(['Ofsted said thresholds were applied inconsistently.']);
      expect(screen.getByRole('table', { name: /Site: www\.devonlive\.com/ })).toBeTruthy();
    });

    it('filters by the day annotated, or by inspection dates', () => {
      setup();
      fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
      expect(listedQuotes()).toEqual([
        'Ofsted said thresholds were applied inconsistently.',
        'Caseloads across England remain high.',
      ]);
      fireEvent.change(screen.getByRole('combobox', { name: 'Date of' }), { target: { value: 'inspected' } });
      expect(listedQuotes()).toEqual([]);
      expect(screen.getByText('No annotations match the filter.')).toBeTruthy();
      fireEvent.input(screen.getByLabelText('From'), { target: { value: '2025-01-01' } });
      expect(listedQuotes()).toHaveLength(3);
    });

    it('clears every filter, and cannot be pressed when nothing is filtered', () => {
      setup();
      expect((button('Clear filters') as HTMLButtonElement).disabled).toBe(true);
      fireEvent.input(screen.getByRole('searchbox', { name: 'Search quotes and notes' }), {
        target: { value: 'zzz' },
      });
      fireEvent.click(screen.getByRole('checkbox', { name: 'Devon ILACS 2025' }));
      expect(listedQuotes()).toEqual([]);
      fireEvent.click(button('Clear filters'));
      expect(listedQuotes()).toHaveLength(8);
      expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
      expect((screen.getByRole('checkbox', { name: 'Devon ILACS 2025' }) as HTMLInputElement).checked).toBe(
        false,
      );
    });
  });

  describe('theme × severity table', () => {
    it('counts everything, with totals, and says so in its caption', () => {
      setup();
      const table = screen.getByRole('table', {
        name: 'Themes by severity — All annotations (8 annotations)',
      });
      const row = (name: string) =>
        within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td');
      expect([...row('Front door and thresholds')].map((td) => td.textContent)).toEqual([
        '2',
        '0',
        '0',
        '1',
        '0',
        '3',
      ]);
      expect([...row('All annotations')].map((td) => td.textContent)).toEqual(['2', '2', '1', '2', '1', '8']);
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((th) => th.textContent),
      ).toEqual([
        'Theme',
        'Serious concern',
        'Needs improvement',
        'Improving, not yet embedded',
        'Strength',
        'Context',
        'Total',
      ]);
    });

    it('counts one document when only it is chosen', () => {
      setup();
      fireEvent.click(screen.getByRole('checkbox', { name: 'Devon ILACS 2025' }));
      expect(
        screen.getByRole('table', {
          name: 'Themes by severity — Document: Devon ILACS 2025 (3 annotations)',
        }),
      ).toBeTruthy();
    });
  });

  describe('annotation list', () => {
    it('shows quote, citation, severity, themes, note and the document linking to the quote', () => {
      const { deps } = setup();
      const item = screen.getByText('Thresholds are now well understood by partners.').closest('li')!;
      const text = item.textContent!;
      expect(text).toContain('Pages 6–7, paragraph 21, “What needs to improve?”');
      expect(text).toContain('Strength');
      expect(text).toContain('Front door and thresholds; Multi-agency working');
      expect(text).toContain('Note: Big change since 2020');
      const link = within(item).getByRole('link', { name: 'Devon ILACS 2025' });
      expect(link.getAttribute('href')).toBe(`${deps.viewerUrl(DEVON_2025)}#page=6`);
    });

    it('renders stored text as text, never as HTML', () => {
      const data = sampleData();
      data.annotations[0]!.quote = '<img src=x onerror="alert(1)">Bold claim';
      setup(data);
      expect(screen.getByText('<img src=x onerror="alert(1)">Bold claim')).toBeTruthy();
      expect(document.querySelector('img')).toBeNull();
    });

    it('shows the first 200 of many annotations, and 200 more at each "Show more"', async () => {
      setup(bulkData(10_000, 500));
      expect(screen.getByText('Showing 200 of 10,000 annotations.')).toBeTruthy();
      // The first few render with the page, the rest of the 200 just after its first paint.
      expect(within(annotationList()).getAllByRole('listitem')).toHaveLength(FIRST_ITEMS);
      await waitFor(() => expect(within(annotationList()).getAllByRole('listitem')).toHaveLength(200));
      fireEvent.click(button('Show more'));
      expect(within(annotationList()).getAllByRole('listitem')).toHaveLength(400);
      expect(screen.getByText('Showing 400 of 10,000 annotations.')).toBeTruthy();
      // The first newly shown annotation takes the focus.
      const items = within(annotationList()).getAllByRole('listitem');
      expect(document.activeElement).toBe(items[200]!.querySelector('input'));
    });

    it('lists the first documents with the page and the rest, and the compare choices, just after its first paint', async () => {
      setup(bulkData(10_000, 500));
      const listed = () => documentsColumn().querySelectorAll('li').length;
      const choices = () =>
        within(screen.getByRole('region', { name: 'Compare' }))
          .getByRole('combobox', { name: 'First document' })
          .querySelectorAll('option').length;
      expect(listed()).toBeGreaterThanOrEqual(FIRST_DOCUMENTS);
      expect(listed()).toBeLessThan(500);
      expect(choices()).toBe(1);
      await waitFor(() => expect(listed()).toBe(500));
      await waitFor(() => expect(choices()).toBe(501));
    });

    it('has no "Show more" once everything is shown', () => {
      setup();
      expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    });
  });

  describe('export bar', () => {
    it('exports the filtered annotations as a Markdown briefing', async () => {
      const { deps } = setup();
      fireEvent.input(screen.getByRole('searchbox', { name: 'Search quotes and notes' }), {
        target: { value: 'thresholds' },
      });
      expect(screen.getByText('Exports cover the 3 filtered annotations.')).toBeTruthy();
      fireEvent.click(button('Export Markdown briefing'));
      await waitFor(() => expect(deps.download).toHaveBeenCalledTimes(1));
      const [input] = deps.builders.markdownBriefing.mock.calls[0]!;
      expect(quotes(input.annotations)).toEqual([
        'Thresholds are now well understood by partners.',
        'Thresholds are not consistently applied at the front door.',
        'Ofsted said thresholds were applied inconsistently.',
      ]);
      expect(deps.download).toHaveBeenCalledWith(
        '# briefing\n',
        'ofsted-briefing-2026-04-07.md',
        'text/markdown',
      );
    });

    it('exports only the selected annotations once any is selected, in each format', async () => {
      const { deps } = setup();
      fireEvent.click(
        screen.getByRole('checkbox', { name: 'Select “Caseloads across England remain high.”' }),
      );
      expect(screen.getByText('Exports cover the 1 selected annotation.')).toBeTruthy();
      for (const name of ['Export CSV', 'Export W3C JSON-LD', 'Export JSON']) {
        fireEvent.click(button(name));
        await waitFor(() => expect((button(name) as HTMLButtonElement).disabled).toBe(false));
      }
      for (const builder of [deps.builders.csv, deps.builders.w3c, deps.builders.json]) {
        const [input] = builder.mock.calls[0]!;
        expect(quotes(input.annotations)).toEqual(['Caseloads across England remain high.']);
      }
      expect(deps.download.mock.calls.map((c) => c[1])).toEqual([
        'ofsted-annotations-2026-04-07.csv',
        'ofsted-annotations-2026-04-07.jsonld',
        'ofsted-annotations-2026-04-07.json',
      ]);
    });

    it('says why an export failed', async () => {
      setup(sampleData(), {
        download: () => {
          throw new Error('Downloads are blocked');
        },
      });
      fireEvent.click(button('Export CSV'));
      expect((await screen.findByRole('alert')).textContent).toBe('Could not export: Downloads are blocked');
    });

    it('copies the selected quotes as Markdown and says how many', async () => {
      const { deps } = setup();
      const copy = button('Copy selected as Markdown') as HTMLButtonElement;
      expect(copy.disabled).toBe(true);
      fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Caseloads are too high.”' }));
      fireEvent.click(
        screen.getByRole('checkbox', { name: 'Select “Caseloads across England remain high.”' }),
      );
      fireEvent.click(copy);
      await waitFor(() =>
        expect(within(screen.getByRole('region', { name: 'Export' })).getByRole('status').textContent).toBe(
          'Copied 2 quotes',
        ),
      );
      expect(deps.copyText).toHaveBeenCalledWith('> quotes\n');
      const [input] = deps.builders.markdownQuotes.mock.calls[0]!;
      expect(quotes(input.annotations)).toEqual([
        'Caseloads are too high.',
        'Caseloads across England remain high.',
      ]);
    });

    it('selects every filtered annotation and clears the selection', () => {
      setup();
      fireEvent.click(screen.getByRole('checkbox', { name: 'Plymouth ILACS 2024' }));
      fireEvent.click(button('Select all 1'));
      expect(screen.getByText('1 selected.')).toBeTruthy();
      fireEvent.click(button('Clear selection'));
      expect(screen.getByText('None selected.')).toBeTruthy();
    });
  });

  describe('import', () => {
    const file = (text: string) => new File([text], 'export.json', { type: 'application/json' });

    it('imports the chosen file, saying "Importing…" meanwhile and then what it did', async () => {
      let finish!: (message: string) => void;
      const importFile = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
      setup(sampleData(), { importFile });
      const chosen = file('{}');
      fireEvent.change(screen.getByLabelText('Import a file'), { target: { files: [chosen] } });
      const status = within(screen.getByRole('region', { name: 'Import annotations' })).getByRole('status');
      await waitFor(() => expect(status.textContent).toBe('Importing…'));
      expect(importFile).toHaveBeenCalledWith(
        chosen,
        expect.objectContaining({ signal: expect.any(AbortSignal) }),
      );
      finish('3 added, 1 updated, 0 unchanged');
      await waitFor(() => expect(status.textContent).toBe('3 added, 1 updated, 0 unchanged'));
    });

    it('shows a large file’s progress as a bar, and Cancel aborts the import', async () => {
      let options!: ImportOptions;
      let finish!: (message: string) => void;
      const importFile = vi.fn((_file: unknown, o?: ImportOptions) => {
        options = o!;
        return new Promise<string>((resolve) => (finish = resolve));
      });
      setup(sampleData(), { importFile });
      const large = file('x'.repeat(1_100_000));
      fireEvent.change(screen.getByLabelText('Import a file'), { target: { files: [large] } });
      await waitFor(() => expect(importFile).toHaveBeenCalled());
      act(() => options.onProgress!({ phase: 'writing', done: 4000, total: 10000 }));
      const region = screen.getByRole('region', { name: 'Import annotations' });
      const bar = within(region).getByRole('progressbar', { name: 'Importing 4,000 of 10,000 annotations…' });
      expect(bar).toHaveProperty('value', 4000);
      fireEvent.click(within(region).getByRole('button', { name: 'Cancel import' }));
      expect(options.signal!.aborted).toBe(true);
      finish('Import cancelled: nothing was changed.');
      await waitFor(() =>
        expect(within(region).getByRole('status').textContent).toBe('Import cancelled: nothing was changed.'),
      );
      expect(within(region).queryByRole('progressbar')).toBeNull();
    });

    it('says why a file could not be imported', async () => {
      setup(sampleData(), {
        importFile: vi.fn(async () => {
          throw new Error('This file is not valid JSON: line 1, column 2: Unexpected token');
        }),
      });
      fireEvent.change(screen.getByLabelText('Import a file'), { target: { files: [file('{')] } });
      expect((await screen.findByRole('alert')).textContent).toBe(
        'Could not import export.json: This file is not valid JSON: line 1, column 2: Unexpected token',
      );
    });
  });

  describe('compare', () => {
    it('shows two documents side by side, theme by theme, with counts and quotes', () => {
      setup();
      const compare = screen.getByRole('region', { name: 'Compare' });
      expect(within(compare).getByText(/Choose two documents/)).toBeTruthy();
      fireEvent.change(within(compare).getByRole('combobox', { name: 'First document' }), {
        target: { value: DEVON_2020 },
      });
      fireEvent.change(within(compare).getByRole('combobox', { name: 'Second document' }), {
        target: { value: DEVON_2025 },
      });
      const summary = within(compare).getByRole('table', { name: 'Annotations per theme' });
      const cells = (name: string) =>
        [...within(summary).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map(
          (td) => td.textContent,
        );
      expect(cells('Front door and thresholds')).toEqual(['1', '1']);
      expect(cells('Multi-agency working')).toEqual(['0', '1']);
      expect(cells('All annotations')).toEqual(['2', '3']);

      const frontDoor = within(compare).getByRole('region', { name: 'Front door and thresholds' });
      const [before, after] = [...frontDoor.querySelectorAll('.compare-side')] as HTMLElement[];
      expect(before!.textContent).toContain('Devon ILACS 2020');
      expect(before!.textContent).toContain('Serious concern: 1');
      expect(
        within(before!).getByText('Thresholds are not consistently applied at the front door.'),
      ).toBeTruthy();
      expect(after!.textContent).toContain('Strength: 1');
      expect(within(after!).getByText('Thresholds are now well understood by partners.')).toBeTruthy();
      const partners = within(compare).getByRole('region', { name: 'Multi-agency working' });
      expect(partners.querySelector('.compare-side')!.textContent).toContain('Nothing under this theme.');
    });
  });
});
