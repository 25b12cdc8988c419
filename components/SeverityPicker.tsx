import { useId } from 'preact/hooks';
import type { Severity } from '../lib/model';
import { SEVERITY_LEVELS, UNRATED } from '../lib/taxonomy/severity';

interface SeverityPickerProps {
  value: Severity;
  onChange(level: Severity): void;
}

/**
 * One radio per severity level, highest first, each with its colour; "Unrated" only for an
 * annotation that is (an import from a tool without severities), until the user rates it.
 */
export function SeverityPicker({ value, onChange }: SeverityPickerProps) {
  const id = useId();
  const levels = SEVERITY_LEVELS.filter((s) => s.level !== UNRATED || value === UNRATED);
  return (
    <div class="severity" role="radiogroup" aria-labelledby={`${id}-label`}>
      <span class="legend" id={`${id}-label`}>
        Severity
      </span>
      {levels.map((s) => (
        <label key={s.level}>
          <input
            type="radio"
            name={`${id}-severity`}
            checked={value === s.level}
            onChange={() => onChange(s.level)}
          />
          <span class="swatch" style={{ background: s.color }} aria-hidden="true" />
          {s.label}
        </label>
      ))}
    </div>
  );
}
