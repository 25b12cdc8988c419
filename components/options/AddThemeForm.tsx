import { useState } from 'preact/hooks';

export const NEW_THEME_COLOR = '#607d8b';

export interface AddThemeFormProps {
  /** Resolves to whether the theme was added; the form is cleared only then. */
  onAdd(label: string, color: string): Promise<boolean>;
}

/** A name and a colour for a new theme, added at the end of the order. */
export function AddThemeForm({ onAdd }: AddThemeFormProps) {
  const [label, setLabel] = useState('');
  const [color, setColor] = useState(NEW_THEME_COLOR);

  async function submit(e: Event) {
    e.preventDefault();
    if (await onAdd(label, color.trim())) {
      setLabel('');
      setColor(NEW_THEME_COLOR);
    }
  }

  return (
    <form class="add-theme" aria-label="Add theme" onSubmit={submit}>
      <label>
        Name{' '}
        <input type="text" value={label} maxLength={120} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <label>
        Colour <input type="color" value={color} onInput={(e) => setColor(e.currentTarget.value)} />
      </label>
      <label>
        Colour code{' '}
        <input
          type="text"
          class="colour-code"
          value={color}
          maxLength={7}
          size={8}
          spellcheck={false}
          onInput={(e) => setColor(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Add theme</button>
    </form>
  );
}
