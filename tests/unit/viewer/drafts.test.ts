import { describe, expect, it, vi } from 'vitest';
import type { Annotation, AnnotationChanges, AnnotationDraft } from '../../../lib/model';
import { createDrafts, overlaps, type Draft, type DraftsDeps } from '../../../lib/viewer/drafts';

const ITEMS = ['Management oversight of practice.', 'The quality of plans.', 'Placement sufficiency.'];

/** A text layer of one span per item, each item's words as a range. */
function page() {
  document.body.innerHTML = `<div id="root">${ITEMS.map((t, i) => `<span data-item="${i}">◼ ${t}</span>`).join('<br>')}</div>`;
  const spans = [...document.querySelectorAll('span')];
  const rangeOf = (i: number, from = 2, to?: number) => {
    const text = spans[i]!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to ?? text.length);
    return range;
  };
  return { rangeOf };
}

type RangeOf = ReturnType<typeof page>['rangeOf'];

function setUp(options: { annotated?: (rangeOf: RangeOf) => Range[]; suggest?: DraftsDeps['suggest'] } = {}) {
  const { rangeOf } = page();
  const annotated = options.annotated?.(rangeOf) ?? [];
  const saved: Array<{ id: string; draft: AnnotationDraft }> = [];
  const stored = new Map<string, AnnotationDraft>();
  const painted: Range[][] = [];
  let editor: { draft: Draft; initial: AnnotationChanges; onSave: (c: AnnotationChanges) => Promise<void> } | null =
    null;
  let ids = 0;
  const deps: DraftsDeps = {
    sources: () => ITEMS.map((_, i) => ({ range: rangeOf(i), heading: i === 0 ? 'Areas for priority action' : 'What needs to improve?' })),
    describe: (range) => ({
      quote: range.toString(),
      selectors: [{ type: 'TextQuoteSelector', exact: range.toString(), prefix: '', suffix: '' }],
    }),
    cite: () => ({ page: 2, section: 'What needs to improve?' }),
    annotatedRanges: () => annotated,
    suggest:
      options.suggest ??
      (async (passages) => passages.map((p, i) => ({ themes: [`theme-${i}`], severity: p.section?.startsWith('Areas') ? 4 : 3 }))),
    save: vi.fn(async (id: string, draft: AnnotationDraft) => {
      saved.push({ id, draft });
      stored.set(id, draft); // the background stores an id once
      return { id } as Annotation;
    }),
    saved: vi.fn(async () => {}),
    paint: (ranges) => painted.push(ranges),
    openEditor: (draft, initial, onSave) => (editor = { draft, initial, onSave }),
    newId: () => `id-${++ids}`,
  };
  const model = createDrafts(deps);
  return { model, deps, saved, stored, painted, rangeOf, editor: () => editor };
}

describe('the drafts model', () => {
  it('proposes every item, asks for all suggestions in one request, and saves nothing', async () => {
    const suggest = vi.fn(async (passages: Array<{ text: string }>) => passages.map(() => ({ themes: ['oversight'], severity: 3 as const })));
    const { model, saved, painted } = setUp({ suggest });
    await model.propose();
    expect(suggest).toHaveBeenCalledTimes(1);
    expect(suggest.mock.calls[0]![0]).toEqual([
      { text: ITEMS[0], section: 'Areas for priority action' },
      { text: ITEMS[1], section: 'What needs to improve?' },
      { text: ITEMS[2], section: 'What needs to improve?' },
    ]);
    expect(model.drafts.value.map((d) => d.quote)).toEqual(ITEMS);
    expect(model.drafts.value.every((d) => d.suggestion?.themes[0] === 'oversight')).toBe(true);
    expect(model.message.value).toBe(
      '3 draft annotations from ‘Areas for priority action’ and ‘What needs to improve?’.',
    );
    expect(painted.at(-1)).toHaveLength(3);
    expect(saved).toEqual([]);
  });

  it('leaves out an item whose words an annotation already covers, even in part', async () => {
    const { model } = setUp({ annotated: (rangeOf) => [rangeOf(1, 6, 13)] });
    await model.propose();
    expect(model.drafts.value.map((d) => d.quote)).toEqual([ITEMS[0], ITEMS[2]]);
    expect(model.message.value).toBe(
      '2 draft annotations from ‘Areas for priority action’ and ‘What needs to improve?’ (1 already annotated, left out).',
    );
  });

  it('says so when a report has no improvement section, or every item is annotated', async () => {
    const none = setUp();
    none.deps.sources = () => [];
    const empty = createDrafts(none.deps);
    await empty.propose();
    expect(empty.message.value).toMatch(/^This report has no ‘What needs to improve\?’ section/);

    const all = setUp({ annotated: (rangeOf) => ITEMS.map((_, i) => rangeOf(i)) });
    await all.model.propose();
    expect(all.model.drafts.value).toEqual([]);
    expect(all.model.message.value).toBe(
      'Every item under ‘Areas for priority action’ and ‘What needs to improve?’ is already annotated: no drafts.',
    );
  });

  it('accepts a draft with its suggestions, under the id chosen when it was proposed; accepting again stores nothing more', async () => {
    const { model, saved, stored, deps } = setUp();
    await model.propose();
    const first = model.drafts.value[0]!;
    await Promise.all([model.accept(first.id), model.accept(first.id)]);
    expect(saved).toEqual([
      {
        id: 'id-1',
        draft: {
          quote: ITEMS[0],
          selectors: first.selectors,
          themes: ['theme-0'],
          severity: 4,
          note: '',
          citation: { page: 2, section: 'What needs to improve?' },
        },
      },
    ]);
    expect(stored.size).toBe(1);
    expect(deps.saved).toHaveBeenCalledTimes(1);
    expect(model.drafts.value.map((d) => d.quote)).toEqual([ITEMS[1], ITEMS[2]]);
  });

  it('keeps a draft whose save failed, with the reason, and saves it under the same id on retry', async () => {
    const { model, deps, saved } = setUp();
    await model.propose();
    const save = deps.save as ReturnType<typeof vi.fn>;
    save.mockRejectedValueOnce(new Error('the database is closed'));
    const id = model.drafts.value[1]!.id;
    await model.accept(id);
    expect(model.drafts.value.find((d) => d.id === id)?.error).toBe('Not saved: the database is closed');
    await model.accept(id);
    expect(saved.map((s) => s.id)).toEqual([id]);
    expect(model.drafts.value.some((d) => d.id === id)).toBe(false);
  });

  it('edits: opens the dialog with the suggestions ticked, and its save accepts the draft with the user’s choices', async () => {
    const { model, saved, editor } = setUp();
    await model.propose();
    const id = model.drafts.value[2]!.id;
    model.edit(id);
    expect(editor()!.initial).toEqual({ themes: ['theme-2'], severity: 3, note: '' });
    await editor()!.onSave({ themes: ['planning'], severity: 4, note: 'Check the audit' });
    expect(saved[0]).toMatchObject({ id, draft: { themes: ['planning'], severity: 4, note: 'Check the audit' } });
    expect(model.drafts.value).toHaveLength(2);
  });

  it('discards one or all, and brings them back with undo', async () => {
    const { model, painted, saved } = setUp();
    await model.propose();
    const [a, b, c] = model.drafts.value;
    model.discard(b!.id);
    expect(model.drafts.value.map((d) => d.id)).toEqual([a!.id, c!.id]);
    expect(painted.at(-1)).toHaveLength(2);
    model.undoDiscard();
    expect(model.drafts.value.map((d) => d.id)).toEqual([a!.id, b!.id, c!.id]);
    model.discardAll();
    expect(model.drafts.value).toEqual([]);
    expect(painted.at(-1)).toEqual([]);
    model.undoDiscard();
    expect(model.drafts.value).toHaveLength(3);
    expect(saved).toEqual([]);
  });

  it('accepts all in order, counting progress, and says how many were saved', async () => {
    const { model, saved, deps } = setUp();
    await model.propose();
    const progress: Array<number | undefined> = [];
    (deps.save as ReturnType<typeof vi.fn>).mockImplementation(async (id: string, draft: AnnotationDraft) => {
      progress.push(model.progress.value?.done);
      saved.push({ id, draft });
      return { id } as Annotation;
    });
    await model.acceptAll();
    expect(saved.map((s) => s.draft.quote)).toEqual(ITEMS);
    expect(progress).toEqual([0, 1, 2]);
    expect(model.progress.value).toBeNull();
    expect(model.message.value).toBe('3 annotations saved.');
    expect(deps.saved).toHaveBeenCalledTimes(1);
  });

  it('stops Accept all before the next draft when asked: those saved stay saved, the rest stay drafts', async () => {
    const { model, saved, deps } = setUp();
    await model.propose();
    (deps.save as ReturnType<typeof vi.fn>).mockImplementation(async (id: string, draft: AnnotationDraft) => {
      saved.push({ id, draft });
      if (saved.length === 1) model.stopAccepting();
      return { id } as Annotation;
    });
    await model.acceptAll();
    expect(saved.map((s) => s.draft.quote)).toEqual([ITEMS[0]]);
    expect(model.drafts.value.map((d) => d.quote)).toEqual(ITEMS.slice(1));
    expect(model.progress.value).toBeNull();
    expect(model.message.value).toMatch(/^1 annotation saved\. Stopped: /);
  });

  it('still offers the drafts when no suggestions could be made, with the heading’s severity', async () => {
    const { model } = setUp({ suggest: async () => Promise.reject(new Error('offline')) });
    await model.propose();
    expect(model.drafts.value.map((d) => d.suggestion)).toEqual([
      { themes: [], severity: 4 },
      { themes: [], severity: 3 },
      { themes: [], severity: 3 },
    ]);
    expect(model.message.value).toMatch(/No themes could be suggested/);
  });
});

describe('overlaps', () => {
  it('is true for ranges sharing text, false for ranges that only touch', () => {
    const { rangeOf } = page();
    expect(overlaps(rangeOf(0, 2, 10), rangeOf(0, 8, 20))).toBe(true);
    expect(overlaps(rangeOf(0, 2, 10), rangeOf(0, 10, 20))).toBe(false);
    expect(overlaps(rangeOf(0), rangeOf(1))).toBe(false);
  });
});
