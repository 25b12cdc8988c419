import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { AnnotationChanges } from '../../../lib/model';
import { SEVERITY_LEVELS, UNRATED } from '../../../lib/taxonomy/severity';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { AnnotationDialog, type AnnotationDialogProps } from '../../../components/AnnotationDialog';
import { THEMES, deferred } from './fixtures';

const EMPTY: AnnotationChanges = { themes: [], severity: 3, note: '' };

function props(overrides: Partial<AnnotationDialogProps> = {}): AnnotationDialogProps {
  return {
    mode: 'create',
    quote: 'Leaders have not ensured that children are seen promptly.',
    themes: THEMES,
    initial: EMPTY,
    onSave: vi.fn(async () => {}),
    onClose: vi.fn(),
    ...overrides,
  };
}

function setup(overrides: Partial<AnnotationDialogProps> = {}) {
  const p = props(overrides);
  const result = render(<AnnotationDialog {...p} />);
  return { ...result, props: p };
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name });
const radio = (name: string) => screen.getByRole('radio', { name });
const note = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
const saveButton = () => screen.getByRole('button', { name: /^Sav/ }) as HTMLButtonElement;

function type(el: HTMLElement, value: string) {
  fireEvent.input(el, { target: { value } });
}

describe('AnnotationDialog', () => {
  it('is a dialog named "Annotate selection" in create mode', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Annotate selection' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('shows the quote as a short excerpt', () => {
    setup({ quote: 'a'.repeat(400) });
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain(`${'a'.repeat(160)}…`);
    expect(dialog.textContent).not.toContain('a'.repeat(161));
  });

  it('offers a checkbox for each active theme, named by its label', () => {
    setup();
    const names = screen.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent);
    expect(names).toEqual(DEFAULT_THEMES.map((t) => t.label));
    for (const theme of DEFAULT_THEMES) expect(checkbox(theme.label)).toBeTruthy();
  });

  it('hides a retired theme unless it is on the annotation', () => {
    setup();
    expect(screen.queryByRole('checkbox', { name: 'Retired topic' })).toBeNull();
  });

  it('shows a retired theme that is already on the annotation, checked', () => {
    setup({ mode: 'edit', initial: { ...EMPTY, themes: ['old-theme'] } });
    expect((checkbox('Retired topic') as HTMLInputElement).checked).toBe(true);
  });

  it('narrows the theme list as the user types a filter', () => {
    setup();
    type(screen.getByRole('searchbox', { name: 'Filter themes' }), 'care');
    const labels = screen.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent);
    expect(labels).toEqual(['Children in care', 'Care leavers']);
  });

  it('says so when no theme matches the filter', () => {
    setup();
    type(screen.getByRole('searchbox', { name: 'Filter themes' }), 'zzz');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText('No themes match.')).toBeTruthy();
  });

  it('offers one radio per severity level, named by its label, highest first', () => {
    setup();
    const group = screen.getByRole('radiogroup', { name: 'Severity' });
    const radios = within(group).getAllByRole('radio');
    const rated = SEVERITY_LEVELS.filter((s) => s.level !== UNRATED);
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual(rated.map((s) => s.label));
    for (const s of rated) expect(radio(s.label)).toBeTruthy();
    expect((radio('Needs improvement') as HTMLInputElement).checked).toBe(true);
  });

  it('shows "Unrated" checked for an imported annotation nobody has rated, until the user rates it', async () => {
    const { props } = setup({
      mode: 'edit',
      initial: { themes: [], severity: UNRATED, note: '' },
      onDelete: vi.fn(async () => {}),
    });
    expect((radio('Unrated') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(radio('Serious concern'));
    fireEvent.click(saveButton());
    await waitFor(() => expect(props.onSave).toHaveBeenCalled());
    expect(vi.mocked(props.onSave).mock.calls[0]![0]).toMatchObject({ severity: 4 });
  });

  it('has a Note textbox', () => {
    setup();
    expect(note().tagName).toBe('TEXTAREA');
  });

  it('moves focus to the first field when it opens', () => {
    setup();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Filter themes' }));
  });

  it('saves the chosen themes, severity and note', async () => {
    const { props: p } = setup();
    fireEvent.click(checkbox('Neglect'));
    fireEvent.click(checkbox('Domestic abuse'));
    fireEvent.click(radio('Serious concern'));
    type(note(), 'Repeated in the 2023 letter.');
    fireEvent.click(saveButton());
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(1));
    expect(p.onSave).toHaveBeenCalledWith({
      themes: ['neglect', 'domestic-abuse'],
      severity: 4,
      note: 'Repeated in the 2023 letter.',
    });
  });

  it('keeps checked themes that the filter hides', async () => {
    const { props: p } = setup();
    fireEvent.click(checkbox('Neglect'));
    type(screen.getByRole('searchbox', { name: 'Filter themes' }), 'care');
    fireEvent.click(saveButton());
    await waitFor(() => expect(p.onSave).toHaveBeenCalled());
    expect(p.onSave).toHaveBeenCalledWith(expect.objectContaining({ themes: ['neglect'] }));
  });

  it('keeps theme ids it does not know when saving', async () => {
    const { props: p } = setup({ mode: 'edit', initial: { ...EMPTY, themes: ['deleted-theme'] } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(p.onSave).toHaveBeenCalled());
    expect(p.onSave).toHaveBeenCalledWith(expect.objectContaining({ themes: ['deleted-theme'] }));
  });

  it('disables Save and shows "Saving…" while saving', async () => {
    const pending = deferred();
    setup({ onSave: vi.fn(() => pending.promise) });
    fireEvent.click(saveButton());
    await waitFor(() => expect(saveButton().textContent).toBe('Saving…'));
    expect(saveButton().disabled).toBe(true);
    pending.resolve();
    await waitFor(() => expect(saveButton().textContent).toBe('Save'));
    expect(saveButton().disabled).toBe(false);
  });

  it('keeps what the user typed when saving fails', async () => {
    setup({ onSave: vi.fn(async () => Promise.reject(new Error('The database is closed'))) });
    fireEvent.click(checkbox('Neglect'));
    fireEvent.click(radio('Strength'));
    type(note(), 'My careful note');
    fireEvent.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not save: The database is closed');
    expect(note().value).toBe('My careful note');
    expect((checkbox('Neglect') as HTMLInputElement).checked).toBe(true);
    expect((radio('Strength') as HTMLInputElement).checked).toBe(true);
    expect(saveButton().disabled).toBe(false);
  });

  it('closes on Escape', () => {
    const { props: p } = setup();
    fireEvent.keyDown(note(), { key: 'Escape' });
    expect(p.onClose).toHaveBeenCalledTimes(1);
  });

  it('closes on Cancel without saving', () => {
    const { props: p } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(p.onClose).toHaveBeenCalledTimes(1);
    expect(p.onSave).not.toHaveBeenCalled();
  });

  it('saves on Ctrl+Enter or Cmd+Enter but not on Enter in the note', async () => {
    const { props: p } = setup();
    fireEvent.keyDown(note(), { key: 'Enter' });
    expect(p.onSave).not.toHaveBeenCalled();
    fireEvent.keyDown(note(), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(1));
    fireEvent.keyDown(note(), { key: 'Enter', metaKey: true });
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(2));
  });

  it('keeps Tab within the dialog', () => {
    setup();
    const first = screen.getByRole('searchbox', { name: 'Filter themes' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
  });

  it('keeps what the user typed when re-rendered with new props', () => {
    const p = props();
    const { rerender } = render(<AnnotationDialog {...p} />);
    type(note(), 'Still here');
    fireEvent.click(checkbox('Neglect'));
    rerender(<AnnotationDialog {...p} initial={{ ...EMPTY }} position={{ top: 10, left: 20 }} />);
    expect(note().value).toBe('Still here');
    expect((checkbox('Neglect') as HTMLInputElement).checked).toBe(true);
  });

  it('sits at the given fixed position', () => {
    setup({ position: { top: 120, left: 40 } });
    const style = screen.getByRole('dialog').style;
    expect([style.position, style.top, style.left]).toEqual(['fixed', '120px', '40px']);
  });

  it('shows the saved values and a Delete button in edit mode', () => {
    setup({
      mode: 'edit',
      initial: { themes: ['front-door'], severity: 1, note: 'Strong MASH' },
      onDelete: vi.fn(async () => {}),
    });
    expect(screen.getByRole('dialog', { name: 'Edit annotation' })).toBeTruthy();
    expect((checkbox('Front door and thresholds') as HTMLInputElement).checked).toBe(true);
    expect((checkbox('Neglect') as HTMLInputElement).checked).toBe(false);
    expect((radio('Strength') as HTMLInputElement).checked).toBe(true);
    expect(note().value).toBe('Strong MASH');
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('calls onDelete when Delete is pressed', async () => {
    const onDelete = vi.fn(async () => {});
    setup({ mode: 'edit', onDelete });
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
  });

  it('shows an alert when deleting fails', async () => {
    setup({ mode: 'edit', onDelete: vi.fn(async () => Promise.reject(new Error('Gone away'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not delete: Gone away');
  });

  it('renders HTML in the quote, note and theme labels as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    setup({
      mode: 'edit',
      quote: `<b>bold</b> ${html}`,
      themes: [{ id: 'x', label: `<i>${html}</i>`, color: '#000', order: 0, retired: false }],
      initial: { themes: ['x'], severity: 2, note: html },
    });
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('img, b, i')).toBeNull();
    expect(dialog.textContent).toContain(`<b>bold</b> ${html}`);
    expect(checkbox(`<i>${html}</i>`)).toBeTruthy();
    expect(note().value).toBe(html);
  });
});

describe('AnnotationDialog › Copy link to quote', () => {
  function renderWithLink(mode: 'create' | 'edit', onCopyLink: () => Promise<void>) {
    render(
      <AnnotationDialog
        mode={mode}
        quote="Children wait too long"
        themes={THEMES}
        initial={EMPTY}
        onSave={async () => {}}
        onCopyLink={onCopyLink}
        onClose={() => {}}
      />,
    );
  }

  it('offers to copy a link to the quote in edit mode, and says when it is copied', async () => {
    const onCopyLink = vi.fn(async () => {});
    renderWithLink('edit', onCopyLink);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to quote' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied.'));
    expect(onCopyLink).toHaveBeenCalledOnce();
  });

  it('says why when the link cannot be copied', async () => {
    renderWithLink('edit', async () => Promise.reject(new Error('no clipboard')));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to quote' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not copy the link: no clipboard'),
    );
  });

  it('offers no link while annotating a new selection', () => {
    renderWithLink('create', async () => {});
    expect(screen.queryByRole('button', { name: 'Copy link to quote' })).toBeNull();
  });
});
