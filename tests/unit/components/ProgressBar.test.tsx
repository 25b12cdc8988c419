import { fireEvent, render, screen } from '@testing-library/preact';
import { ProgressBar } from '../../../components/ProgressBar';
import { fileSize, ofTotal } from '../../../lib/progress';

describe('ProgressBar', () => {
  it('is a progress bar named by its visible label, with counts', () => {
    render(<ProgressBar label="Importing 4,000 of 10,000 annotations…" value={4000} max={10000} />);
    const bar = screen.getByRole('progressbar', { name: 'Importing 4,000 of 10,000 annotations…' });
    expect(bar).toHaveProperty('value', 4000);
    expect(bar).toHaveProperty('max', 10000);
  });

  it('says what it is doing in a status region, for screen readers', () => {
    const { rerender } = render(<ProgressBar label="Checking 10,000 annotations…" />);
    expect(screen.getByRole('status').textContent).toBe('Checking 10,000 annotations…');
    rerender(<ProgressBar label="Importing 1,000 of 10,000 annotations…" value={1000} max={10000} />);
    expect(screen.getByRole('status').textContent).toBe('Importing 1,000 of 10,000 annotations…');
  });

  it('moves without a value while how much is not known', () => {
    render(<ProgressBar label="Reading the file (16.5 MB)…" />);
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
  });

  it('offers Cancel only where cancelling is safe', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<ProgressBar label="Sending 2,300 of 10,000 annotations…" value={2300} max={10000} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(
      <ProgressBar label="Importing 2,000 of 10,000 annotations…" value={2000} max={10000} onCancel={onCancel} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('names its Cancel button as asked', () => {
    render(<ProgressBar label="Building the export…" onCancel={() => {}} cancelLabel="Cancel export" />);
    expect(screen.getByRole('button', { name: 'Cancel export' })).toBeTruthy();
  });
});

describe('progress wording', () => {
  it('counts with thousands separators, singular for one', () => {
    expect(ofTotal('Importing', { done: 4000, total: 10000 })).toBe('Importing 4,000 of 10,000 annotations…');
    expect(ofTotal('Sending', { done: 0, total: 1 })).toBe('Sending 0 of 1 annotation…');
    expect(ofTotal('Receiving', { done: 3, total: 12 }, 'change')).toBe('Receiving 3 of 12 changes…');
  });

  it('gives file sizes in MB or KB', () => {
    expect(fileSize(17_301_504)).toBe('16.5 MB');
    expect(fileSize(850 * 1024)).toBe('850 KB');
  });
});
