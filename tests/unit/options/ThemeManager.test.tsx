import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ThemeManager, type ThemeManagerProps } from '../../../components/options/ThemeManager';
import type { Theme } from '../../../lib/model';

const THEMES: Theme[] = [
  { id: 'neglect', label: 'Neglect', color: '#757575', order: 0, retired: false },
  { id: 'voice', label: 'Voice of the child', color: '#ef6c00', order: 1, retired: false },
  { id: 'old', label: 'Old topic', color: '#999999', order: 2, retired: true },
];

function setup(overrides: Partial<ThemeManagerProps> = {}) {
  const props: ThemeManagerProps = {
    themes: THEMES,
    usage: new Map([
      ['neglect', 3],
      ['voice', 0],
      ['old', 1],
    ]),
    notice: null,
    onAdd: vi.fn(async () => true),
    onRename: vi.fn(async () => true),
    onRecolour: vi.fn(),
    onDescribe: vi.fn(),
    onMove: vi.fn(),
    onRetire: vi.fn(),
    onRestore: vi.fn(),
    onDelete: vi.fn(async () => true),
    onRestoreDefaults: vi.fn(),
    ...overrides,
  };
  const view = render(<ThemeManager {...props} />);
  return { props, ...view };
}

const row = (label: string) => within(screen.getByRole('group', { name: label }));

describe('ThemeManager', () => {
  it("shows what each theme covers, the default's own words for a default theme stored without them, and saves an edit on Enter", () => {
    const { props } = setup({
      themes: [
        { id: 'neglect', label: 'Neglect', color: '#757575', order: 0, retired: false },
        {
          id: 'private-fostering',
          label: 'Private fostering',
          description: 'private fostering arrangements',
          color: '#999999',
          order: 1,
          retired: false,
        },
      ],
    });
    const neglect = screen.getByRole<HTMLInputElement>('textbox', { name: 'What Neglect covers' });
    expect(neglect.value).toBe('recognising and responding to chronic neglect');
    const own = screen.getByRole<HTMLInputElement>('textbox', { name: 'What Private fostering covers' });
    expect(own.value).toBe('private fostering arrangements');
    fireEvent.input(own, { target: { value: 'private fostering arrangements, notifications' } });
    fireEvent.keyDown(own, { key: 'Enter' });
    expect(props.onDescribe).toHaveBeenCalledWith('private-fostering', 'private fostering arrangements, notifications');
  });

  it('lists the themes in order with their names, colours and usage', () => {
    setup();
    const items = screen.getAllByRole('listitem');
    expect(
      items.map((li) =>
        within(li)
          .getByRole('textbox', { name: /^Name of/ })
          .getAttribute('aria-label'),
      ),
    ).toEqual(['Name of Neglect', 'Name of Voice of the child', 'Name of Old topic']);
    expect((screen.getByLabelText('Colour of Neglect') as HTMLInputElement).value).toBe('#757575');
    expect(row('Neglect').getByText('3 annotations')).toBeTruthy();
    expect(row('Voice of the child').getByText('0 annotations')).toBeTruthy();
    expect(row('Old topic').getByText('Retired')).toBeTruthy();
  });

  it('renders stored labels as text, never as markup', () => {
    const hostile = { ...THEMES[1]!, label: '<img src=x onerror=alert(1)>' };
    setup({ themes: [hostile] });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('group', { name: hostile.label })).toBeTruthy();
  });

  it('saves a new name on Enter', () => {
    const { props } = setup();
    const field = screen.getByRole('textbox', { name: 'Name of Neglect' });
    fireEvent.input(field, { target: { value: 'Chronic neglect' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(props.onRename).toHaveBeenCalledWith('neglect', 'Chronic neglect');
  });

  it('saves a new name when the field loses focus, once even after Enter', () => {
    const { props } = setup();
    const field = screen.getByRole('textbox', { name: 'Name of Neglect' });
    fireEvent.input(field, { target: { value: 'Chronic neglect' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.blur(field);
    expect(props.onRename).toHaveBeenCalledTimes(1);
    fireEvent.input(field, { target: { value: 'Neglect of children' } });
    fireEvent.blur(field);
    expect(props.onRename).toHaveBeenLastCalledWith('neglect', 'Neglect of children');
  });

  it('does not save an unchanged name, and puts the saved name back on Escape', () => {
    const { props } = setup();
    const field = screen.getByRole('textbox', { name: 'Name of Neglect' }) as HTMLInputElement;
    fireEvent.blur(field);
    fireEvent.input(field, { target: { value: 'Something else' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.value).toBe('Neglect');
    fireEvent.blur(field);
    expect(props.onRename).not.toHaveBeenCalled();
  });

  it('changes a colour', () => {
    const { props } = setup();
    fireEvent.change(screen.getByLabelText('Colour of Voice of the child'), { target: { value: '#123456' } });
    expect(props.onRecolour).toHaveBeenCalledWith('voice', '#123456');
  });

  it('changes a colour typed as a code, on Enter, without the colour picker', () => {
    const { props } = setup();
    const code = screen.getByRole('textbox', {
      name: 'Colour code of Voice of the child',
    }) as HTMLInputElement;
    expect(code.value).toBe('#ef6c00');
    fireEvent.input(code, { target: { value: ' #123456 ' } });
    fireEvent.keyDown(code, { key: 'Enter' });
    expect(props.onRecolour).toHaveBeenCalledWith('voice', '#123456');
    fireEvent.blur(code);
    expect(props.onRecolour).toHaveBeenCalledTimes(1);
  });

  it('puts the saved colour code back on Escape, and shows a colour changed elsewhere', () => {
    const { props, rerender } = setup();
    const code = screen.getByRole('textbox', { name: 'Colour code of Neglect' }) as HTMLInputElement;
    fireEvent.input(code, { target: { value: '#12' } });
    fireEvent.keyDown(code, { key: 'Escape' });
    expect(code.value).toBe('#757575');
    fireEvent.blur(code);
    expect(props.onRecolour).not.toHaveBeenCalled();
    const [neglect, ...rest] = THEMES as [Theme, ...Theme[]];
    rerender(<ThemeManager {...props} themes={[{ ...neglect, color: '#000080' }, ...rest]} />);
    expect(code.value).toBe('#000080');
  });

  it('moves a theme up or down, with no way past either end', () => {
    const { props } = setup();
    expect((row('Neglect').getByRole('button', { name: 'Move up' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((row('Old topic').getByRole('button', { name: 'Move down' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(row('Voice of the child').getByRole('button', { name: 'Move up' }));
    expect(props.onMove).toHaveBeenCalledWith('voice', 0);
    fireEvent.click(row('Voice of the child').getByRole('button', { name: 'Move down' }));
    expect(props.onMove).toHaveBeenLastCalledWith('voice', 2);
  });

  it('keeps focus on the moved theme’s button after the list is reordered', async () => {
    const { rerender, props } = setup();
    const up = row('Voice of the child').getByRole('button', { name: 'Move up' });
    up.focus();
    fireEvent.click(up);
    const [neglect, voice, old] = THEMES as [Theme, Theme, Theme];
    rerender(<ThemeManager {...props} themes={[voice, neglect, old]} />);
    // Now first, its "Move up" is disabled: focus goes to its "Move down".
    await waitFor(() =>
      expect(document.activeElement).toBe(
        row('Voice of the child').getByRole('button', { name: 'Move down' }),
      ),
    );
  });

  it('leaves the focus where the user put it once a move is done', async () => {
    const { rerender, props } = setup();
    const down = row('Neglect').getByRole('button', { name: 'Move down' });
    down.focus();
    fireEvent.click(down);
    const [neglect, voice, old] = THEMES as [Theme, Theme, Theme];
    rerender(<ThemeManager {...props} themes={[voice, neglect, old]} />);
    await waitFor(() =>
      expect(document.activeElement).toBe(row('Neglect').getByRole('button', { name: 'Move down' })),
    );
    // Retiring the theme afterwards keeps the focus on its Retire button, now Restore.
    const retire = row('Neglect').getByRole('button', { name: 'Retire' });
    retire.focus();
    fireEvent.click(retire);
    rerender(<ThemeManager {...props} themes={[voice, { ...neglect, retired: true }, old]} />);
    await new Promise((settle) => setTimeout(settle, 20));
    expect(document.activeElement).toBe(row('Neglect').getByRole('button', { name: 'Restore' }));
  });

  it('offers Retire for an active theme and Restore for a retired one', () => {
    const { props } = setup();
    fireEvent.click(row('Neglect').getByRole('button', { name: 'Retire' }));
    expect(props.onRetire).toHaveBeenCalledWith('neglect');
    expect(row('Neglect').queryByRole('button', { name: 'Restore' })).toBeNull();
    fireEvent.click(row('Old topic').getByRole('button', { name: 'Restore' }));
    expect(props.onRestore).toHaveBeenCalledWith('old');
  });

  it('deletes an unused theme', () => {
    const { props } = setup();
    expect(row('Voice of the child').queryByRole('combobox')).toBeNull();
    fireEvent.click(row('Voice of the child').getByRole('button', { name: 'Delete' }));
    expect(props.onDelete).toHaveBeenCalledWith('voice', undefined);
  });

  it('explains why a theme in use cannot be deleted until a theme to move its annotations to is chosen', () => {
    const { props } = setup();
    const del = row('Neglect').getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(del.disabled).toBe(true);
    expect(del.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(del.getAttribute('aria-describedby')!)?.textContent).toBe(
      'In use on 3 annotations: choose a theme to move them to before deleting.',
    );
    const select = row('Neglect').getByRole('combobox', {
      name: 'Move its annotations to',
    }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      'Choose a theme',
      'Voice of the child',
      'Old topic (retired)',
    ]);
    fireEvent.change(select, { target: { value: 'voice' } });
    expect(del.disabled).toBe(false);
    fireEvent.click(del);
    expect(props.onDelete).toHaveBeenCalledWith('neglect', 'voice');
  });

  it('adds a theme with what it covers and clears the form when that succeeded', async () => {
    const { props } = setup();
    const form = within(screen.getByRole('form', { name: 'Add theme' }));
    const name = form.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Youth justice' } });
    fireEvent.input(form.getByLabelText('Colour'), { target: { value: '#112233' } });
    const covers = form.getByRole('textbox', { name: 'What it covers' }) as HTMLInputElement;
    fireEvent.input(covers, { target: { value: 'youth offending, custody' } });
    fireEvent.click(form.getByRole('button', { name: 'Add theme' }));
    expect(props.onAdd).toHaveBeenCalledWith('Youth justice', '#112233', 'youth offending, custody');
    await waitFor(() => expect(name.value).toBe(''));
    expect(covers.value).toBe('');
  });

  it('adds a theme with a colour typed as a code', async () => {
    const { props } = setup();
    const form = within(screen.getByRole('form', { name: 'Add theme' }));
    fireEvent.input(form.getByRole('textbox', { name: 'Name' }), { target: { value: 'Youth justice' } });
    const code = form.getByRole('textbox', { name: 'Colour code' }) as HTMLInputElement;
    fireEvent.input(code, { target: { value: '#a1b2c3' } });
    expect((form.getByLabelText('Colour') as HTMLInputElement).value).toBe('#a1b2c3');
    fireEvent.click(form.getByRole('button', { name: 'Add theme' }));
    expect(props.onAdd).toHaveBeenCalledWith('Youth justice', '#a1b2c3', '');
    await waitFor(() => expect(code.value).toBe('#607d8b'));
  });

  it('keeps what was typed when adding failed', async () => {
    const onAdd = vi.fn(async () => false);
    setup({ onAdd });
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Neglect' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add theme' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalled());
    expect(name.value).toBe('Neglect');
  });

  it('restores the default themes', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Restore default themes' }));
    expect(props.onRestoreDefaults).toHaveBeenCalled();
  });

  it('shows successes in a status and failures in an alert', () => {
    const { rerender, props } = setup({ notice: { kind: 'status', text: 'Added “Youth justice”.' } });
    expect(screen.getByRole('status').textContent).toBe('Added “Youth justice”.');
    expect(screen.getByRole('alert').textContent).toBe('');
    rerender(
      <ThemeManager
        {...props}
        notice={{ kind: 'error', text: 'A theme called “Neglect” already exists.' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('A theme called “Neglect” already exists.');
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
