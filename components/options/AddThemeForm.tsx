import { useState } from 'preact/hooks';
import { MAX_THEME_DESCRIPTION } from '../../lib/db/themes';

export const NEW_THEME_COLOR = '#607d8b';

export interface AddThemeFormProps {
  /** Resolves to whether the theme was added; the form is cleared only then. */
  onAdd(label: string, color: string, description: string): Promise<boolean>;
}

/** A name, a colour and what it covers for a new theme, added at the end of the order. */
export function AddThemeForm({ onAdd }: AddThemeFormProps) {
  const [label, setLabel] = useState('');
  const [color, setColor] = useState(NEW_THEME_COLOR);
  const [description, setDescription] = useState('');

  async function submit(e: Event) {
    e.preventDefault();
    if (await onAdd(label, color.trim(), description)) {
      setLabel('');
      setColor(NEW_THEME_COLOR);
      setDescription('');
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
      <label class="description">
        What it covers{' '}
        <input
          type="text"
          value={description}
          maxLength={MAX_THEME_DESCRIPTION}
          placeholder="e.g. private fostering arrangements, notifications"
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Add theme</button>
    </form>
  );
}
