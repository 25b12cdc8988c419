import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Popup, type PopupProps } from '../../../components/Popup';
import { THEMES, annotation, deferred } from './fixtures';

function setup(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    title: 'Anytown rated inadequate',
    url: 'https://www.example.org/news/anytown',
    annotations: [annotation({ quote: 'Children wait too long' })],
    themes: THEMES,
    orphanIds: new Set(),
    status: 'active',
    onReveal: vi.fn(),
    onActivate: vi.fn(),
    onAlwaysOn: vi.fn(),
    onOpenInViewer: vi.fn(),
    onOpenLocalPdf: vi.fn(),
    onOpenDashboard: vi.fn(),
    pages: [{ url: 'https://www.example.org/news/anytown', title: 'Anytown rated inadequate', count: 1 }],
    query: '',
    onQuery: vi.fn(),
    results: null,
    onExport: vi.fn(async () => {}),
    ...overrides,
  };
  render(<Popup {...props} />);
  return props;
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('Popup', () => {
  it('has "This page" and "All pages" tabs, starting on this page', () => {
    setup();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['This page', 'All pages']);
    expect(tab('This page').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'This page' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1 annotation' })).toBeTruthy();
  });

  it('is headed with the extension’s name, for screen readers', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ofsted Annotator');
  });

  it('shows all pages when that tab is chosen', () => {
    setup();
    fireEvent.click(tab('All pages'));
    expect(tab('All pages').getAttribute('aria-selected')).toBe('true');
    expect(tab('This page').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole('tabpanel', { name: 'All pages' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search quotes and notes' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '1 annotation' })).toBeNull();
  });

  it('moves between tabs with the arrow keys', () => {
    setup();
    fireEvent.keyDown(tab('This page'), { key: 'ArrowRight' });
    expect(tab('All pages').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('All pages'));
  });

  it('can start on the All pages tab', () => {
    setup({ initialTab: 'all' });
    expect(tab('All pages').getAttribute('aria-selected')).toBe('true');
  });

  it('exports JSON, disabling the button meanwhile', async () => {
    const pending = deferred();
    const props = setup({ onExport: vi.fn(() => pending.promise) });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(props.onExport).toHaveBeenCalledTimes(1);
    const busy = await screen.findByRole('button', { name: 'Exporting…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    pending.resolve();
    await screen.findByRole('button', { name: 'Export JSON' });
  });

  it('shows an alert when export fails', async () => {
    setup({ onExport: vi.fn(async () => Promise.reject(new Error('Disk full'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not export: Disk full'));
  });
});
