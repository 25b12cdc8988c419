import { WORD_TYPE } from '../../../lib/dashboard/exports';
import { buildWordBriefing } from '../../../lib/export/word/briefing';
import { inStyle, readDocx } from '../export/docx-reader';
import { PIXEL_PNG } from '../export/word-samples';
import type { DashboardDeps } from '../../../lib/dashboard/model';
import { DEVON_2020, DEVON_2025, fakeDeps, GUARDIAN, modelOver, NOW, quotes } from './fixtures';

describe('the dashboard’s Word briefing', () => {
  it('downloads a dated .docx of the filter, titled after its scope, with the heat map and its table', async () => {
    const rasterise = vi.fn(async () => PIXEL_PNG);
    const { model, deps } = modelOver(undefined, { rasterise });
    model.toggleGroup('authority:Devon');
    await model.exportAs('word');
    const [input, options] = deps.builders.wordBriefing.mock.calls[0]!;
    expect(quotes(input.annotations)).toHaveLength(5);
    expect(options).toMatchObject({ title: 'Ofsted briefing: Devon', now: NOW, authors: true });
    const titles = options!.pictures!.map((p) => p.title);
    expect(titles).toEqual(['Annotations by theme and severity: Devon', 'Visits over time: Devon']);
    const [heat] = options!.pictures!;
    expect(heat!.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(heat!.png).toBe(PIXEL_PNG);
    expect(heat!.table.head[0]).toBe('Theme');
    expect(heat!.table.rows.at(-1)).toEqual(['All annotations', ...heat!.table.rows.at(-1)!.slice(1)]);
    expect(rasterise).toHaveBeenCalledWith(heat!.svg, heat!.width, heat!.height);
    // Visits as the chart reads them: a row per judgement, a column per visit, oldest first.
    const visits = options!.pictures![1]!;
    expect(visits.table.head).toHaveLength(4); // Devon 2020, the 2023 focused visit, 2025
    expect(visits.table.head.slice(1)).toEqual([
      'standard inspection, 2020-01-13 to 2020-01-24',
      'focused visit, 2023-06-06 to 2023-06-07',
      'standard inspection, 2025-01-13 to 2025-01-24',
    ]);
    // These fixtures record no grades: only the annotations' row.
    expect(visits.table.rows).toEqual([
      ['Annotations', 'Serious concern: 1; Needs improvement: 1', '', 'Strength: 2; Context: 1'],
    ]);
    expect(deps.download).toHaveBeenCalledWith(
      new Uint8Array([0x50, 0x4b]),
      'ofsted-briefing-2026-04-07.docx',
      WORD_TYPE,
    );
  });

  it('draws the selection’s own heat map, and the comparison when two documents are chosen', async () => {
    const { model, deps } = modelOver();
    const guardian = model.index.value.byDocument.get(GUARDIAN)![0]!;
    model.toggleSelected(guardian.id);
    model.compareFirst.value = DEVON_2020;
    model.compareSecond.value = DEVON_2025;
    await model.exportAs('word');
    const [input, options] = deps.builders.wordBriefing.mock.calls[0]!;
    expect(input.annotations).toEqual([guardian]);
    const [heat, compared] = options!.pictures!;
    expect(heat!.title).toBe('Annotations by theme and severity: selected annotations');
    expect(heat!.table.rows.at(-1)!.at(-1)).toBe('1');
    expect(compared!.title).toMatch(/ compared with /);
    // No rasteriser (as in Node): the pictures go in as their tables.
    expect(heat!.png).toBeUndefined();
  });

  it('makes a briefing with the real builder whose Figures hold each picture’s table', async () => {
    const download = vi.fn<DashboardDeps['download']>();
    const { model: real } = modelOver(undefined, {
      builders: { ...fakeDeps().builders, wordBriefing: buildWordBriefing },
      download,
    });
    real.toggleGroup('authority:Devon');
    await real.exportAs('word');
    const d = readDocx(download.mock.calls[0]![0] as Uint8Array);
    expect(inStyle(d, 'Title')).toEqual(['Ofsted briefing: Devon']);
    expect(inStyle(d, 'Heading1')).toEqual(['Documents', 'Figures', 'Findings by theme']);
    expect(inStyle(d, 'Heading2')).toContain('Visits over time: Devon');
    expect(d.paragraphs.map((p) => p.text)).toContain('All annotations');
  });
});
