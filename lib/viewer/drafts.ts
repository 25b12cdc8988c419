import { batch, signal } from '@preact/signals';
import type { Annotation, AnnotationChanges, AnnotationDraft, Citation, Selector } from '../model';
import type { Passage, Suggestions } from '../suggest/types';

/** One item under an improvement heading, found in the viewer's text layer. */
export interface DraftSource {
  range: Range;
  /** The improvement heading it is listed under ("What needs to improve?"). */
  heading: string;
}

/** An annotation proposed for review: nothing is stored until it is accepted. */
export interface Draft {
  /** The id the annotation is stored under once accepted: chosen once, so accepting twice stores once. */
  id: string;
  quote: string;
  selectors: Selector[];
  citation?: Citation;
  heading: string;
  range: Range;
  /** Suggested themes (ids, best first) and severity; the heading's usual severity when none came. */
  suggestion: Suggestions | null;
  /** Being saved now. */
  saving: boolean;
  /** Why the last save failed. */
  error?: string;
}

export type DraftsPhase = 'idle' | 'suggesting' | 'ready';

export interface DraftsDeps {
  /** The improvement items of the report shown, as ranges of its text layer. */
  sources(): DraftSource[];
  /** The selectors a user's selection of the range would get (the annotator's describe). */
  describe(range: Range): { quote: string; selectors: Selector[] } | null;
  cite(range: Range): Citation | undefined;
  /** The painted ranges of the annotations the document already has. */
  annotatedRanges(): Range[];
  /** The grade of the judgement a section is under, if the report grades it. */
  gradeOf?(section: string | undefined): string | undefined;
  suggest(passages: Passage[]): Promise<Suggestions[]>;
  /** Stores one annotation under the id given (the same id twice stores it once). */
  save(id: string, draft: AnnotationDraft): Promise<Annotation>;
  /** After saving: the annotator loads and paints the document's annotations again. */
  saved(): Promise<void>;
  /** Paints the drafts' ranges in the draft style (none: clears it). */
  paint(ranges: Range[]): void;
  /** Opens the annotation dialog prefilled with a draft's suggestions; its save accepts the draft. */
  openEditor(
    draft: Draft,
    initial: AnnotationChanges,
    onSave: (changes: AnnotationChanges) => Promise<void>,
  ): void;
  newId?(): string;
}

/** Severity for an item under a heading when no suggestion came: priority actions are serious. */
export function headingSeverity(heading: string): 3 | 4 {
  return /priority|immediate/i.test(heading) ? 4 : 3;
}

/** Whether two ranges share any text (touching ends do not count). */
export function overlaps(a: Range, b: Range): boolean {
  // END_TO_START compares a's start with b's end; START_TO_END a's end with b's start.
  return (
    a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0
  );
}

const quoted = (headings: string[]) => headings.map((h) => `‘${h}’`).join(' and ');

/**
 * "Draft annotations": proposes an annotation for every item under the report's improvement
 * headings that no annotation covers yet, with suggested themes and severity, for the user to
 * accept (as they are, or edited in the annotation dialog) or discard. Nothing is stored before
 * acceptance; discarding can be undone.
 */
export function createDrafts(deps: DraftsDeps) {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const drafts = signal<Draft[]>([]);
  const phase = signal<DraftsPhase>('idle');
  /** What the last action came to, for a status line ("6 draft annotations from …"). */
  const message = signal('');
  /** "Saving 3 of 12…" while accepting all. */
  const progress = signal<{ done: number; total: number } | null>(null);
  /** The drafts discarded last, which "Undo" brings back. */
  const discarded = signal<Draft[]>([]);
  let run = 0;

  const set = (next: Draft[]) => {
    drafts.value = next;
    deps.paint(next.map((d) => d.range));
  };
  const update = (id: string, change: Partial<Draft>) =>
    (drafts.value = drafts.value.map((d) => (d.id === id ? { ...d, ...change } : d)));
  const covered = (range: Range, annotated = deps.annotatedRanges()) =>
    annotated.some((a) => overlaps(a, range));

  /** Reads the improvement items, leaves out those already annotated, and asks for suggestions in one request. */
  async function propose(): Promise<void> {
    const mine = ++run;
    const sources = deps.sources();
    const headings = [...new Set(sources.map((s) => s.heading))];
    if (sources.length === 0) {
      batch(() => {
        set([]);
        discarded.value = [];
        phase.value = 'ready';
        message.value =
          'This report has no ‘What needs to improve?’ section (nor ‘Areas for priority action’): there is nothing to draft.';
      });
      return;
    }
    const annotated = deps.annotatedRanges();
    const fresh: Draft[] = [];
    for (const { range, heading } of sources) {
      if (covered(range, annotated)) continue;
      const described = deps.describe(range);
      if (!described) continue;
      const citation = deps.cite(range);
      fresh.push({
        id: newId(),
        ...described,
        ...(citation && { citation }),
        heading,
        range,
        suggestion: null,
        saving: false,
      });
    }
    const skipped = sources.length - fresh.length;
    const from = `from ${quoted(headings)}`;
    if (fresh.length === 0) {
      batch(() => {
        set([]);
        discarded.value = [];
        phase.value = 'ready';
        message.value = `Every item ${from.replace('from', 'under')} is already annotated: no drafts.`;
      });
      return;
    }
    const count = `${fresh.length} draft annotation${fresh.length === 1 ? '' : 's'} ${from}`;
    const left = skipped ? ` (${skipped} already annotated, left out)` : '';
    batch(() => {
      set(fresh);
      discarded.value = [];
      phase.value = 'suggesting';
      message.value = `${count}${left}. Suggesting themes and severity…`;
    });
    const passages = fresh.map((d): Passage => {
      const section = d.heading;
      const grade = deps.gradeOf?.(d.citation?.section ?? section);
      return { text: d.quote, section, ...(grade && { grade }) };
    });
    const suggestions = await deps.suggest(passages).catch(() => null);
    if (mine !== run) return;
    batch(() => {
      drafts.value = drafts.value.map((d) => {
        const i = fresh.findIndex((f) => f.id === d.id);
        const s = suggestions?.[i];
        return { ...d, suggestion: s ?? { themes: [], severity: headingSeverity(d.heading) } };
      });
      phase.value = 'ready';
      message.value = suggestions
        ? `${count}${left}.`
        : `${count}${left}. No themes could be suggested: review each; severity follows its heading.`;
    });
  }

  /** Stores one draft (with the user's changes, if any); the draft stays listed with the error when saving fails. */
  async function store(draft: Draft, changes?: AnnotationChanges): Promise<boolean> {
    if (draft.saving) return false;
    const chosen: AnnotationChanges = changes ?? {
      themes: draft.suggestion?.themes ?? [],
      severity: draft.suggestion?.severity ?? headingSeverity(draft.heading),
      note: '',
    };
    update(draft.id, { saving: true, error: undefined });
    try {
      await deps.save(draft.id, {
        quote: draft.quote,
        selectors: draft.selectors,
        ...chosen,
        ...(draft.citation && { citation: draft.citation }),
      });
    } catch (error) {
      update(draft.id, { saving: false, error: `Not saved: ${(error as Error).message}` });
      return false;
    }
    set(drafts.value.filter((d) => d.id !== draft.id));
    return true;
  }

  const find = (id: string) => drafts.value.find((d) => d.id === id);

  async function accept(id: string, changes?: AnnotationChanges): Promise<void> {
    const draft = find(id);
    if (!draft) return;
    if (await store(draft, changes)) {
      message.value = `Annotation saved. ${remaining()}`;
      await deps.saved();
    }
  }

  const remaining = () =>
    drafts.value.length
      ? `${drafts.value.length} draft${drafts.value.length === 1 ? '' : 's'} left.`
      : 'No drafts left.';

  /** Set by stopAccepting: Accept all stops before its next draft (each one is saved whole or not at all). */
  let stopping = false;

  async function acceptAll(): Promise<void> {
    const todo = drafts.value.filter((d) => !d.saving);
    let saved = 0;
    stopping = false;
    progress.value = { done: 0, total: todo.length };
    for (const draft of todo) {
      if (stopping) break;
      const current = find(draft.id);
      if (current && (await store(current))) saved++;
      progress.value = { done: progress.value!.done + 1, total: todo.length };
    }
    const failed = progress.value!.done - saved;
    progress.value = null;
    const left = stopping ? ` Stopped: ${remaining()}` : '';
    message.value = `${saved} annotation${saved === 1 ? '' : 's'} saved.${failed ? ` ${failed} could not be saved: see below.` : ''}${left}`;
    if (saved) await deps.saved();
  }

  function discard(id: string): void {
    const draft = find(id);
    if (!draft || draft.saving) return;
    batch(() => {
      set(drafts.value.filter((d) => d.id !== id));
      discarded.value = [draft];
      message.value = `Draft discarded. ${remaining()}`;
    });
  }

  function discardAll(): void {
    const gone = drafts.value.filter((d) => !d.saving);
    if (!gone.length) return;
    batch(() => {
      set(drafts.value.filter((d) => d.saving));
      discarded.value = gone;
      message.value = `${gone.length} draft${gone.length === 1 ? '' : 's'} discarded.`;
    });
  }

  /** Brings back the drafts discarded last, unless their words were annotated meanwhile. */
  function undoDiscard(): void {
    const back = discarded.value.filter((d) => !covered(d.range));
    if (!discarded.value.length) return;
    batch(() => {
      const all = [...drafts.value, ...back.map((d) => ({ ...d, saving: false }))];
      all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
      set(all);
      discarded.value = [];
      message.value = `${back.length} draft${back.length === 1 ? '' : 's'} restored. ${remaining()}`;
    });
  }

  /** Opens the annotation dialog for a draft, with its suggestions ticked; saving it accepts the draft. */
  function edit(id: string): void {
    const draft = find(id);
    if (!draft || draft.saving) return;
    const initial: AnnotationChanges = {
      themes: draft.suggestion?.themes ?? [],
      severity: draft.suggestion?.severity ?? headingSeverity(draft.heading),
      note: '',
    };
    deps.openEditor(draft, initial, async (changes) => {
      const current = find(id);
      if (!current) return;
      if (!(await store(current, changes)))
        throw new Error(find(id)?.error ?? 'The annotation was not saved.');
      message.value = `Annotation saved. ${remaining()}`;
      await deps.saved();
    });
  }

  /** The document was closed or replaced: drafts of it go. */
  function reset(): void {
    run++;
    batch(() => {
      set([]);
      discarded.value = [];
      phase.value = 'idle';
      message.value = '';
      progress.value = null;
    });
  }

  const stopAccepting = () => {
    stopping = true;
  };

  return {
    drafts,
    phase,
    message,
    progress,
    discarded,
    propose,
    accept,
    acceptAll,
    stopAccepting,
    edit,
    discard,
    discardAll,
    undoDiscard,
    reset,
  };
}

export type DraftsModel = ReturnType<typeof createDrafts>;
