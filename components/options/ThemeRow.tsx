import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Theme } from '../../lib/model';
import { MAX_THEME_DESCRIPTION } from '../../lib/db/themes';
import { themeDescription } from '../../lib/taxonomy/themes';
import { countLabel } from '../text';

export interface ThemeRowProps {
  theme: Theme;
  /** How many annotations carry the theme. */
  count: number;
  /** The themes its annotations can move to before it is deleted. */
  others: Theme[];
  isFirst: boolean;
  isLast: boolean;
  onRename(id: string, label: string): Promise<boolean>;
  onRecolour(id: string, color: string): void;
  onDescribe(id: string, description: string): void;
  onMoveUp(id: string): void;
  onMoveDown(id: string): void;
  onRetire(id: string): void;
  onRestore(id: string): void;
  onDelete(id: string, moveTo?: string): void;
}

/** One theme: its name and colour, its place in the order, retire or restore, and delete. */
export function ThemeRow(props: ThemeRowProps) {
  const { theme, count, others, isFirst, isLast } = props;
  const id = useId();
  const [moveTo, setMoveTo] = useState('');
  const inUse = count > 0;
  const blocked = inUse && moveTo === '';

  return (
    <li class={theme.retired ? 'theme retired' : 'theme'} data-theme-id={theme.id}>
      <div class="theme-row" role="group" aria-label={theme.label}>
        <input
          type="color"
          class="colour"
          aria-label={`Colour of ${theme.label}`}
          value={theme.color}
          onChange={(e) => props.onRecolour(theme.id, e.currentTarget.value)}
        />
        <SavedField
          class="colour-code"
          label={`Colour code of ${theme.label}`}
          saved={theme.color}
          maxLength={7}
          size={8}
          spellcheck={false}
          onSave={(color) => props.onRecolour(theme.id, color.trim())}
        />
        <SavedField
          class="label"
          label={`Name of ${theme.label}`}
          saved={theme.label}
          maxLength={120}
          onSave={(label) => void props.onRename(theme.id, label)}
        />
        <SavedField
          class="description"
          label={`What ${theme.label} covers`}
          saved={themeDescription(theme)}
          maxLength={MAX_THEME_DESCRIPTION}
          placeholder="What it covers, in your words (suggestions read it)"
          onSave={(description) => props.onDescribe(theme.id, description)}
        />
        <span class="usage">{countLabel(count)}</span>
        {theme.retired && <span class="badge">Retired</span>}
        <div class="actions">
          <button type="button" data-action="up" disabled={isFirst} onClick={() => props.onMoveUp(theme.id)}>
            Move up
          </button>
          <button
            type="button"
            data-action="down"
            disabled={isLast}
            onClick={() => props.onMoveDown(theme.id)}
          >
            Move down
          </button>
          {theme.retired ? (
            <button type="button" onClick={() => props.onRestore(theme.id)}>
              Restore
            </button>
          ) : (
            <button type="button" onClick={() => props.onRetire(theme.id)}>
              Retire
            </button>
          )}
          {inUse && (
            <label class="move-to">
              Move its annotations to{' '}
              <select value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
                <option value="">Choose a theme</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.retired ? `${other.label} (retired)` : other.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            class="danger"
            disabled={blocked}
            aria-describedby={blocked ? `${id}-why` : undefined}
            onClick={() => props.onDelete(theme.id, inUse ? moveTo : undefined)}
          >
            Delete
          </button>
          {blocked && (
            <span id={`${id}-why`} class="hint">
              In use on {countLabel(count)}: choose a theme to move them to before deleting.
            </span>
          )}
        </div>
      </div>
    </li>
  );
}

interface SavedFieldProps {
  class: string;
  /** The field's accessible name. */
  label: string;
  /** The value as stored; the field shows it again whenever it changes. */
  saved: string;
  maxLength: number;
  size?: number;
  spellcheck?: boolean;
  placeholder?: string;
  onSave(value: string): void;
}

/**
 * A text field for one stored value (a theme's name, its colour code), saved on Enter or when
 * the field loses focus; Escape puts the saved value back. Typing a colour code is how the
 * keyboard and screen readers reach any colour without the browser's colour picker.
 */
function SavedField({
  class: className,
  label,
  saved,
  maxLength,
  size,
  spellcheck,
  placeholder,
  onSave,
}: SavedFieldProps) {
  const [draft, setDraft] = useState(saved);
  // The last value sent for saving, so leaving the field after Enter does not send it again.
  const sent = useRef(saved);
  useEffect(() => {
    setDraft(saved);
    sent.current = saved;
  }, [saved]);

  function save() {
    if (draft.trim() === saved || draft === sent.current) return;
    sent.current = draft;
    onSave(draft);
  }

  return (
    <input
      type="text"
      class={className}
      aria-label={label}
      value={draft}
      maxLength={maxLength}
      size={size}
      spellcheck={spellcheck}
      placeholder={placeholder}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          setDraft(saved);
          sent.current = saved;
        }
      }}
    />
  );
}
