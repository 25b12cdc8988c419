import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ExportBar } from '../../../components/dashboard/ExportBar';

describe('ExportBar', () => {
  it('shows a moving bar naming what is built while an export is being built, and the buttons wait', async () => {
    let finish!: () => void;
    const onExport = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<ExportBar count={1234} selection={false} filtering={false} onExport={onExport} onCopy={async () => 0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export Word briefing' }));
    const bar = await screen.findByRole('progressbar', { name: 'Building the Word briefing of 1,234 annotations…' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
    finish();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(false);
    expect(onExport).toHaveBeenCalledWith('word');
  });
});
