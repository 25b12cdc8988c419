import { useEffect, useRef, useState } from 'preact/hooks';
import type { Theme } from '../../lib/model';
import type { Notice } from '../../lib/options/model';
import { AddThemeForm } from './AddThemeForm';
import { NoticeArea } from './NoticeArea';
import { ThemeRow } from './ThemeRow';

export interface ThemeManagerProps {
  /** Every theme, retired ones too, in order. */
  themes: Theme[];
  /** How many annotations carry each theme. */
  usage: ReadonlyMap<string, number>;
  notice: Notice | null;
  onAdd(label: string, color: string, description: string): Promise<boolean>;
  onRename(id: string, label: string): Promise<boolean>;
  onRecolour(id: string, color: string): void;
  onDescribe(id: string, description: string): void;
  /** Moves a theme to `toIndex` (from 0) in the order. */
  onMove(id: string, toIndex: number): void;
  onRetire(id: string): void;
  onRestore(id: string): void;
  onDelete(id: string, moveTo?: string): Promise<boolean>;
  onRestoreDefaults(): void;
}

type MoveButton = 'up' | 'down';

/** The "Themes" section: every theme with its controls, a form to add one, and the defaults. */
export function ThemeManager(props: ThemeManagerProps) {
  const { themes, usage } = props;
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A moved row is re-inserted in the list, which takes focus from its button: give it back,
  // once, when the list shows the theme in its new place (later changes leave the focus alone).
  const [moved, setMoved] = useState<{ id: string; button: MoveButton; to: number } | null>(null);
  useEffect(() => {
    if (!moved || !list.current) return;
    if (themes.findIndex((t) => t.id === moved.id) !== moved.to) return;
    setMoved(null);
    const row = [...list.current.children].find((li) => (li as HTMLElement).dataset.themeId === moved.id);
    const buttons = [...(row?.querySelectorAll<HTMLButtonElement>('button[data-action]') ?? [])];
    const wanted = buttons.find((b) => b.dataset.action === moved.button && !b.disabled);
    (wanted ?? buttons.find((b) => !b.disabled))?.focus();
  }, [themes, moved]);

  function move(id: string, by: -1 | 1) {
    const index = themes.findIndex((t) => t.id === id);
    setMoved({ id, button: by < 0 ? 'up' : 'down', to: index + by });
    props.onMove(id, index + by);
  }

  async function remove(id: string, moveTo?: string) {
    // The row goes: focus moves to the section's heading rather than off the page.
    if (await props.onDelete(id, moveTo)) heading.current?.focus();
  }

  return (
    <section class="theme-manager" aria-labelledby="themes-heading">
      <h2 id="themes-heading" ref={heading} tabIndex={-1}>
        Themes
      </h2>
      <p class="intro">
        The themes offered when you annotate, in this order. A retired theme leaves the picker but stays on
        its annotations and in exports.
      </p>
      <ol class="themes" ref={list}>
        {themes.map((theme, i) => (
          <ThemeRow
            key={theme.id}
            theme={theme}
            count={usage.get(theme.id) ?? 0}
            others={themes.filter((t) => t.id !== theme.id)}
            isFirst={i === 0}
            isLast={i === themes.length - 1}
            onRename={props.onRename}
            onRecolour={props.onRecolour}
            onDescribe={props.onDescribe}
            onMoveUp={(id) => move(id, -1)}
            onMoveDown={(id) => move(id, 1)}
            onRetire={props.onRetire}
            onRestore={props.onRestore}
            onDelete={(id, moveTo) => void remove(id, moveTo)}
          />
        ))}
      </ol>
      <AddThemeForm onAdd={props.onAdd} />
      <p>
        <button type="button" onClick={props.onRestoreDefaults}>
          Restore default themes
        </button>{' '}
        <span class="hint">
          Puts the default themes back as they were; your own themes are kept after them.
        </span>
      </p>
      <NoticeArea notice={props.notice} />
    </section>
  );
}
