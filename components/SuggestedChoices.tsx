import type { Severity, Theme } from '../lib/model';
import type { Suggestions } from '../lib/suggest/types';
import { SEVERITY_LEVELS } from '../lib/taxonomy/severity';

export interface SuggestedChoicesProps {
  /** null while the suggestions are on their way. */
  suggestions: Suggestions | null;
  themes: readonly Theme[];
  /** What the form holds now: a suggestion already taken shows pressed. */
  chosenThemes: readonly string[];
  severity: Severity;
  onTheme(id: string, on: boolean): void;
  onSeverity(level: Severity): void;
}

/** Alt+1 … Alt+3 take the suggested themes, Alt+4 the severity (Alt+digit is free in every browser). */
export const SUGGESTION_KEYS = ['Digit1', 'Digit2', 'Digit3', 'Digit4'] as const;

/**
 * Suggested themes and severity as buttons the user presses to take them (never ticked on
 * their behalf); a theme's button is a toggle that shows whether the form has it.
 */
export function SuggestedChoices(props: SuggestedChoicesProps) {
  const { suggestions, themes, chosenThemes, severity } = props;
  if (!suggestions) {
    return (
      <div class="suggested" role="group" aria-label="Suggested" aria-busy="true">
        <span class="legend">Suggested</span>
        <span class="pending">Suggesting…</span>
      </div>
    );
  }
  const suggestedThemes = suggestions.themes.flatMap((id) => themes.find((t) => t.id === id) ?? []);
  const level = SEVERITY_LEVELS.find((s) => s.level === suggestions.severity);
  return (
    <div class="suggested" role="group" aria-label="Suggested">
      <span class="legend">Suggested</span>
      {suggestedThemes.map((theme, i) => {
        const on = chosenThemes.includes(theme.id);
        return (
          <button
            key={theme.id}
            type="button"
            class="suggestion"
            aria-pressed={on}
            aria-keyshortcuts={`Alt+${i + 1}`}
            title={`Alt+${i + 1}`}
            onClick={() => props.onTheme(theme.id, !on)}
          >
            <span class="swatch" style={{ background: theme.color }} aria-hidden="true" />
            {theme.label}
          </button>
        );
      })}
      {level && (
        <button
          type="button"
          class="suggestion severity-suggestion"
          aria-pressed={severity === level.level}
          aria-keyshortcuts="Alt+4"
          title="Alt+4"
          onClick={() => props.onSeverity(level.level)}
        >
          <span class="swatch" style={{ background: level.color }} aria-hidden="true" />
          {level.label}
        </button>
      )}
    </div>
  );
}

/** What Alt+digit takes: the nth suggested theme (toggled), or the severity. */
export function takeSuggestion(
  code: string,
  { suggestions, themes, chosenThemes, onTheme, onSeverity }: SuggestedChoicesProps,
): boolean {
  const index = SUGGESTION_KEYS.indexOf(code as (typeof SUGGESTION_KEYS)[number]);
  if (!suggestions || index < 0) return false;
  if (index === 3) {
    onSeverity(suggestions.severity);
    return true;
  }
  const shown = suggestions.themes.filter((id) => themes.some((t) => t.id === id));
  const id = shown[index];
  if (id === undefined) return false;
  onTheme(id, !chosenThemes.includes(id));
  return true;
}
