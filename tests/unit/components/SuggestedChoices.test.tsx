import { fireEvent, render, screen, within } from '@testing-library/preact';
import { AnnotationDialog, type AnnotationDialogProps } from '../../../components/AnnotationDialog';
import type { AnnotationChanges } from '../../../lib/model';
import type { Suggestions } from '../../../lib/suggest/types';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';

const EMPTY: AnnotationChanges = { themes: [], severity: 3, note: '' };
const SUGGESTED: Suggestions = { themes: ['neglect', 'timeliness', 'assessment'], severity: 4 };

function dialog(overrides: Partial<AnnotationDialogProps> = {}): AnnotationDialogProps {
  return {
    mode: 'create',
    quote: 'Too many children live in neglectful circumstances for too long.',
    themes: [...DEFAULT_THEMES],
    initial: EMPTY,
    onSave: vi.fn(async () => {}),
    onClose: vi.fn(),
    ...overrides,
  };
}

const suggested = () => within(screen.getByRole('group', { name: 'Suggested' }));
const pressed = (name: string) =>
  suggested().getByRole('button', { name }).getAttribute('aria-pressed') === 'true';
const ticked = (name: string) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;
const chosenSeverity = () =>
  screen.getAllByRole<HTMLInputElement>('radio').find((r) => r.checked)?.parentElement?.textContent;

describe('suggestions in the annotation dialog', () => {
  it('offers each suggested theme and the severity as a button named by its label, nothing ticked', () => {
    render(<AnnotationDialog {...dialog({ suggestions: SUGGESTED })} />);
    expect(suggested().getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Neglect',
      'Timeliness, drift and delay',
      'Assessment quality',
      'Serious concern',
    ]);
    expect(ticked('Neglect')).toBe(false);
    expect(chosenSeverity()).toBe('Needs improvement');
  });

  it('takes a theme or the severity on a click, and a second click on a theme gives it back', () => {
    render(<AnnotationDialog {...dialog({ suggestions: SUGGESTED })} />);
    fireEvent.click(suggested().getByRole('button', { name: 'Neglect' }));
    expect(ticked('Neglect')).toBe(true);
    expect(pressed('Neglect')).toBe(true);
    fireEvent.click(suggested().getByRole('button', { name: 'Serious concern' }));
    expect(chosenSeverity()).toBe('Serious concern');
    fireEvent.click(suggested().getByRole('button', { name: 'Neglect' }));
    expect(ticked('Neglect')).toBe(false);
  });

  it('takes the first three themes with Alt+1 to Alt+3 and the severity with Alt+4, even while typing in the filter', () => {
    render(<AnnotationDialog {...dialog({ suggestions: SUGGESTED })} />);
    const filter = screen.getByRole('searchbox', { name: 'Filter themes' });
    fireEvent.keyDown(filter, { key: '¡', code: 'Digit1', altKey: true });
    fireEvent.keyDown(filter, { key: '€', code: 'Digit3', altKey: true });
    fireEvent.keyDown(filter, { key: '¢', code: 'Digit4', altKey: true });
    expect(ticked('Neglect')).toBe(true);
    expect(ticked('Timeliness, drift and delay')).toBe(false);
    expect(ticked('Assessment quality')).toBe(true);
    expect(chosenSeverity()).toBe('Serious concern');
    expect(suggested().getByRole('button', { name: 'Neglect' }).getAttribute('aria-keyshortcuts')).toBe('Alt+1');
  });

  it('says it is suggesting while they are on their way, and keeps what the user chose when they arrive', () => {
    const base = dialog({ suggestions: null });
    const { rerender } = render(<AnnotationDialog {...base} />);
    expect(screen.getByRole('group', { name: 'Suggested' }).textContent).toContain('Suggesting…');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Care leavers' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Strength' }));
    rerender(<AnnotationDialog {...base} suggestions={SUGGESTED} />);
    expect(ticked('Care leavers')).toBe(true);
    expect(ticked('Neglect')).toBe(false);
    expect(chosenSeverity()).toBe('Strength');
    expect(pressed('Serious concern')).toBe(false);
  });

  it('shows no suggestion for a theme the picker does not offer (retired since)', () => {
    const themes = DEFAULT_THEMES.map((t) => (t.id === 'timeliness' ? { ...t, retired: true } : t));
    render(<AnnotationDialog {...dialog({ themes, suggestions: SUGGESTED })} />);
    expect(suggested().queryByRole('button', { name: 'Timeliness, drift and delay' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('dialog'), { code: 'Digit2', altKey: true });
    expect(ticked('Assessment quality')).toBe(true);
  });

  it('shows no Suggested group when none were asked for (editing)', () => {
    render(<AnnotationDialog {...dialog({ mode: 'edit' })} />);
    expect(screen.queryByRole('group', { name: 'Suggested' })).toBeNull();
  });
});
