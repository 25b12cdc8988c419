import { signal } from '@preact/signals';
import type { AnnotationChanges, Severity } from '../lib/model';
import { errorMessage } from './text';

export type FormBusy = 'idle' | 'saving' | 'deleting';

/** What the user has typed in the annotation dialog, kept apart from the dialog's props. */
export function createAnnotationForm(initial: AnnotationChanges) {
  const themes = signal<string[]>([...initial.themes]);
  const severity = signal<Severity>(initial.severity);
  const note = signal(initial.note);
  const filter = signal('');
  const busy = signal<FormBusy>('idle');
  const error = signal<string | null>(null);

  function setTheme(id: string, on: boolean): void {
    const rest = themes.value.filter((t) => t !== id);
    themes.value = on ? [...rest, id] : rest;
  }

  function changes(): AnnotationChanges {
    return { themes: [...themes.value], severity: severity.value, note: note.value };
  }

  async function run(kind: FormBusy, action: () => Promise<void>, failure: string) {
    if (busy.value !== 'idle') return;
    busy.value = kind;
    error.value = null;
    try {
      await action();
    } catch (e) {
      error.value = `${failure}: ${errorMessage(e)}`;
    } finally {
      busy.value = 'idle';
    }
  }

  return {
    themes,
    severity,
    note,
    filter,
    busy,
    error,
    setTheme,
    changes,
    /** Calls onSave with the current values; a rejection becomes `error`. */
    save: (onSave: (changes: AnnotationChanges) => Promise<void>) =>
      run('saving', () => onSave(changes()), 'Could not save'),
    /** Calls onDelete; a rejection becomes `error`. */
    remove: (onDelete: () => Promise<void>) => run('deleting', onDelete, 'Could not delete'),
  };
}

export type AnnotationForm = ReturnType<typeof createAnnotationForm>;
