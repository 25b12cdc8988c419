import type { Theme } from '../lib/model';
import { activeThemes } from '../lib/taxonomy/themes';

/** Themes the picker offers: active ones, then retired ones already on the annotation. */
export function pickerThemes(themes: readonly Theme[], onAnnotation: readonly string[]): Theme[] {
  const retired = themes
    .filter((t) => t.retired && onAnnotation.includes(t.id))
    .sort((a, b) => a.order - b.order);
  return [...activeThemes(themes), ...retired];
}

interface ThemePickerProps {
  themes: Theme[];
  selected: string[];
  filter: string;
  onFilter(filter: string): void;
  onToggle(id: string, on: boolean): void;
  inputRef?: { current: HTMLInputElement | null };
}

export function ThemePicker({ themes, selected, filter, onFilter, onToggle, inputRef }: ThemePickerProps) {
  const needle = filter.trim().toLowerCase();
  const shown = needle ? themes.filter((t) => t.label.toLowerCase().includes(needle)) : themes;
  return (
    <fieldset class="themes">
      <legend>Themes</legend>
      <input
        ref={inputRef}
        type="search"
        class="filter"
        aria-label="Filter themes"
        placeholder="Filter themes"
        value={filter}
        onInput={(e) => onFilter(e.currentTarget.value)}
      />
      <ul class="theme-list">
        {shown.map((theme) => (
          <li key={theme.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(theme.id)}
                onChange={(e) => onToggle(theme.id, e.currentTarget.checked)}
              />
              <span class="swatch" style={{ background: theme.color }} aria-hidden="true" />
              {theme.label}
            </label>
            {theme.retired && <span class="retired"> (retired)</span>}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p class="empty">No themes match.</p>}
    </fieldset>
  );
}
