import { effect } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationChanges, Theme } from '../lib/model';
import type { Suggestions } from '../lib/suggest/types';
import { createAnnotationForm } from './annotation-form';
import { SeverityPicker } from './SeverityPicker';
import { SuggestedChoices, takeSuggestion, type SuggestedChoicesProps } from './SuggestedChoices';
import { ThemePicker, pickerThemes } from './ThemePicker';
import { trapTab } from './focus';
import { errorMessage, excerpt } from './text';

export interface AnnotationDialogProps {
  mode: 'create' | 'edit';
  /** Shown as a short excerpt, as text. */
  quote: string;
  /** All themes; the picker shows active ones plus retired ones already on the annotation. */
  themes: Theme[];
  /** Read once, when the dialog opens: later changes do not replace what the user typed. */
  initial: AnnotationChanges;
  /** Rejects with an Error whose message is shown to the user. */
  onSave(changes: AnnotationChanges): Promise<void>;
  /** Edit mode only: shows a "Delete" button. */
  onDelete?(): Promise<void>;
  /** Edit mode only: shows "Copy link to quote"; rejects with an Error shown to the user. */
  onCopyLink?(): Promise<void>;
  onClose(): void;
  /** Told what the form holds after each change (so a dialog drawn again can restore it). */
  onDraft?(changes: AnnotationChanges): void;
  /** Fixed position in px, next to the selection. */
  position?: { top: number; left: number };
  /**
   * Suggested themes and severity, offered as buttons; null while they are on their way,
   * undefined when none are asked for. They may arrive after the dialog opened.
   */
  suggestions?: Suggestions | null;
}

const stop = (e: Event) => e.stopPropagation();

/**
 * Picks themes, a severity and a note for a selection. To edit a different annotation,
 * remount it (give it a `key`); new props for the same one keep the user's input.
 */
export function AnnotationDialog(props: AnnotationDialogProps) {
  const { mode, quote, themes, onSave, onDelete, onCopyLink, onClose, position } = props;
  const [copied, setCopied] = useState<string | null>(null);
  const [form] = useState(() => createAnnotationForm(props.initial));
  const [offered] = useState(() => props.initial.themes);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus({ preventScroll: true }), []);
  const onDraft = useRef(props.onDraft);
  onDraft.current = props.onDraft;
  // A plain effect runs as the user types (useSignalEffect waits for the next frame): the
  // draft is out before a page script that removes the dialog's frame can lose it.
  useEffect(
    () =>
      effect(() => {
        const changes = form.changes();
        onDraft.current?.(changes);
      }),
    [form],
  );

  const busy = form.busy.value;
  const save = () => form.save(onSave);
  const suggested: SuggestedChoicesProps | undefined =
    props.suggestions === undefined
      ? undefined
      : {
          suggestions: props.suggestions,
          themes: pickerThemes(themes, offered),
          chosenThemes: form.themes.value,
          severity: form.severity.value,
          onTheme: form.setTheme,
          onSeverity: (level) => (form.severity.value = level),
        };

  function onKeyDown(e: KeyboardEvent) {
    // Keys typed here are not the page's business (its shortcuts would see the shadow host).
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.altKey && !e.ctrlKey && !e.metaKey && suggested && takeSuggestion(e.code, suggested)) {
      e.preventDefault();
    } else if (e.key === 'Tab' && rootRef.current) {
      trapTab(e, rootRef.current);
    }
  }

  return (
    <div
      ref={rootRef}
      class="annotation-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={mode === 'create' ? 'Annotate selection' : 'Edit annotation'}
      style={position && { position: 'fixed', top: `${position.top}px`, left: `${position.left}px` }}
      onKeyDown={onKeyDown}
      onKeyUp={stop}
      onKeyPress={stop}
    >
      <blockquote class="quote">{excerpt(quote)}</blockquote>
      {suggested && <SuggestedChoices {...suggested} />}
      <ThemePicker
        themes={pickerThemes(themes, offered)}
        selected={form.themes.value}
        filter={form.filter.value}
        onFilter={(f) => (form.filter.value = f)}
        onToggle={form.setTheme}
        inputRef={firstRef}
      />
      <SeverityPicker value={form.severity.value} onChange={(s) => (form.severity.value = s)} />
      <label class="note">
        Note
        <textarea
          rows={3}
          value={form.note.value}
          onInput={(e) => (form.note.value = e.currentTarget.value)}
        />
      </label>
      {form.error.value && (
        <p class="error" role="alert">
          {form.error.value}
        </p>
      )}
      {copied && (
        <p class="copied" role="status">
          {copied}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy !== 'idle'} onClick={save}>
          {busy === 'saving' ? 'Saving…' : 'Save'}
        </button>
        {mode === 'edit' && onDelete && (
          <button
            type="button"
            class="danger"
            disabled={busy !== 'idle'}
            onClick={() => form.remove(onDelete)}
          >
            {busy === 'deleting' ? 'Deleting…' : 'Delete'}
          </button>
        )}
        {mode === 'edit' && onCopyLink && (
          <button
            type="button"
            onClick={() =>
              onCopyLink().then(
                () => setCopied('Link copied.'),
                (e: unknown) => setCopied(`Could not copy the link: ${errorMessage(e)}`),
              )
            }
          >
            Copy link to quote
          </button>
        )}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
