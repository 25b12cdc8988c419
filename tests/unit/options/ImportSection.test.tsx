import { fireEvent, render, screen } from '@testing-library/preact';
import { ImportSection, type ImportSectionProps } from '../../../components/options/ImportSection';

function setup(overrides: Partial<ImportSectionProps> = {}) {
  const props: ImportSectionProps = { importing: false, notice: null, onImport: vi.fn(), ...overrides };
  const view = render(<ImportSection {...props} />);
  return { props, ...view };
}

const fileInput = () => screen.getByLabelText('Import a file') as HTMLInputElement;

function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('ImportSection', () => {
  it('has a file input named "Import a file" that accepts .json and .jsonld', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Import annotations' })).toBeTruthy();
    expect(fileInput().type).toBe('file');
    expect(fileInput().accept).toContain('.json');
    expect(fileInput().accept).toContain('.jsonld');
  });

  it('imports the chosen file', () => {
    const { props } = setup();
    const file = new File(['{}'], 'export.json', { type: 'application/json' });
    choose(fileInput(), file);
    expect(props.onImport).toHaveBeenCalledWith(file);
  });

  it('says "Importing…" while an import runs, and starts no other', () => {
    const { props } = setup({ importing: true, notice: { kind: 'status', text: 'old news' } });
    expect(screen.getByRole('status').textContent).toBe('Importing…');
    choose(fileInput(), new File(['{}'], 'again.json'));
    expect(props.onImport).not.toHaveBeenCalled();
  });

  it('shows the counts in a status and a failure in an alert', () => {
    const { rerender, props } = setup({
      notice: { kind: 'status', text: '3 added, 1 updated, 0 unchanged' },
    });
    expect(screen.getByRole('status').textContent).toBe('3 added, 1 updated, 0 unchanged');
    rerender(
      <ImportSection
        {...props}
        notice={{ kind: 'error', text: 'This file is not valid JSON: line 1, column 2: x' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('This file is not valid JSON: line 1, column 2: x');
  });

  it('shows a large file’s progress as a bar with counts, and a Cancel button', () => {
    const onCancel = vi.fn();
    setup({ importing: true, progress: { phase: 'writing', done: 4000, total: 10000 }, onCancel });
    const bar = screen.getByRole('progressbar', { name: 'Importing 4,000 of 10,000 annotations…' });
    expect(bar).toHaveProperty('value', 4000);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Importing 4,000 of 10,000 annotations…',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
