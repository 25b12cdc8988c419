import { useEffect, useRef } from 'preact/hooks';
import type { Theme } from '../../lib/model';
import { severityLabel } from '../../lib/taxonomy/severity';
import type { Draft, DraftsPhase } from '../../lib/viewer/drafts';
import { ProgressBar } from '../ProgressBar';
import { excerpt } from '../text';

export interface DraftListProps {
  drafts: Draft[];
  themes: Theme[];
  phase: DraftsPhase;
  message: string;
  progress: { done: number; total: number } | null;
  /** Whether drafts were discarded and can be brought back. */
  canUndo: boolean;
  /** False until every page's text is read. */
  ready: boolean;
  onPropose(): void;
  onAccept(id: string): void;
  onEdit(id: string): void;
  onDiscard(id: string): void;
  onAcceptAll(): void;
  /** Stops Accept all before its next draft: those saved stay saved, the rest stay drafts. */
  onStopAccepting(): void;
  onDiscardAll(): void;
  onUndo(): void;
  onReveal(id: string): void;
}

/** "p. 2, ¶ 12, What needs to improve?" */
export function draftPlace(draft: Pick<Draft, 'citation' | 'heading'>): string {
  const { citation } = draft;
  const parts: string[] = [];
  if (citation)
    parts.push(citation.pageEnd ? `pp. ${citation.page}–${citation.pageEnd}` : `p. ${citation.page}`);
  parts.push(citation?.paragraph !== undefined ? `¶ ${citation.paragraph}` : '¶ —');
  parts.push(citation?.section ?? draft.heading);
  return parts.join(', ');
}

function suggestedLabel(draft: Draft, themes: Theme[]): string {
  if (!draft.suggestion) return 'Suggesting…';
  const names = draft.suggestion.themes.map((id) => themes.find((t) => t.id === id)?.label ?? id);
  return `Suggested: ${[...names, severityLabel(draft.suggestion.severity)].join(' · ')}`;
}

/**
 * "Draft annotations": the button that proposes them, then the list to review: each draft's
 * excerpt, citation and suggestions, with Accept, Edit… and Discard; Accept all and Discard all.
 * After a draft leaves the list, the focus goes to the next one (or back to the button).
 */
export function DraftList(props: DraftListProps) {
  const { drafts, themes, phase, progress } = props;
  const root = useRef<HTMLElement>(null);
  const focusAt = useRef<number | null>(null);
  const busy = phase === 'suggesting' || progress !== null;

  useEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    focusAt.current = null;
    const buttons = root.current?.querySelectorAll<HTMLButtonElement>('li .draft-accept');
    const next = buttons?.[Math.min(at, buttons.length - 1)];
    (next ?? root.current?.querySelector<HTMLButtonElement>('.draft-propose'))?.focus();
  }, [drafts]);

  const leaving = (index: number, action: () => void) => () => {
    focusAt.current = index;
    action();
  };

  return (
    <section class="draft-list" aria-labelledby="draft-list-heading" ref={root}>
      <h2 id="draft-list-heading">Draft annotations</h2>
      <button
        type="button"
        class="draft-propose"
        disabled={!props.ready || busy}
        onClick={props.onPropose}
        title="Proposes an annotation for every item under ‘What needs to improve?’ and ‘Areas for priority action’"
      >
        Draft annotations
      </button>
      {progress ? (
        <ProgressBar
          label={`Saving ${Math.min(progress.done + 1, progress.total)} of ${progress.total} draft annotations…`}
          value={progress.done}
          max={progress.total}
          onCancel={props.onStopAccepting}
          cancelLabel="Stop"
        />
      ) : (
        <p class="draft-status" role="status">
          {props.message}
          {props.canUndo && (
            <>
              {' '}
              <button type="button" class="link" onClick={props.onUndo}>
                Undo discard
              </button>
            </>
          )}
        </p>
      )}
      {drafts.length > 0 && (
        <>
          <div class="draft-all">
            <button type="button" class="primary" disabled={busy} onClick={props.onAcceptAll}>
              Accept all ({drafts.length})
            </button>
            <button type="button" disabled={busy} onClick={props.onDiscardAll}>
              Discard all
            </button>
          </div>
          <ul aria-label="Drafts to review">
            {drafts.map((draft, index) => (
              <li key={draft.id} class="draft" aria-busy={draft.saving}>
                <button type="button" class="item" onClick={() => props.onReveal(draft.id)}>
                  <span class="place">{draftPlace(draft)}</span>
                  <span class="quote">{excerpt(draft.quote, 200)}</span>
                </button>
                <p class="suggested-note">{suggestedLabel(draft, themes)}</p>
                {draft.error && (
                  <p class="error" role="alert">
                    {draft.error}
                  </p>
                )}
                <div class="draft-actions">
                  <button
                    type="button"
                    class="draft-accept"
                    aria-label={`Accept: ${excerpt(draft.quote, 60)}`}
                    disabled={draft.saving || busy}
                    onClick={leaving(index, () => props.onAccept(draft.id))}
                  >
                    {draft.saving ? 'Saving…' : 'Accept'}
                  </button>
                  <button
                    type="button"
                    aria-label={`Edit: ${excerpt(draft.quote, 60)}`}
                    disabled={draft.saving || busy}
                    onClick={() => {
                      focusAt.current = index;
                      props.onEdit(draft.id);
                    }}
                  >
                    Edit…
                  </button>
                  <button
                    type="button"
                    aria-label={`Discard: ${excerpt(draft.quote, 60)}`}
                    disabled={draft.saving || busy}
                    onClick={leaving(index, () => props.onDiscard(draft.id))}
                  >
                    Discard
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
