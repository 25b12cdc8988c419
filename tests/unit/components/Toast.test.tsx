import { fireEvent, render, screen } from '@testing-library/preact';
import { Toast } from '../../../components/Toast';

describe('Toast', () => {
  it('shows its message as a status', () => {
    render(<Toast message="Selection too long to annotate (over 10,000 characters)" onDismiss={() => {}} />);
    expect(screen.getByRole('status').textContent).toContain(
      'Selection too long to annotate (over 10,000 characters)',
    );
  });

  it('offers its action, e.g. Undo after a delete', () => {
    const onAction = vi.fn();
    render(
      <Toast message="Annotation deleted" actionLabel="Undo" onAction={onAction} onDismiss={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('gives its action the focus, so Enter undoes at once', () => {
    render(
      <Toast message="Annotation deleted" actionLabel="Undo" onAction={() => {}} onDismiss={() => {}} />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
  });

  it('is dismissed with Escape', () => {
    const onDismiss = vi.fn();
    render(
      <Toast message="Annotation deleted" actionLabel="Undo" onAction={() => {}} onDismiss={onDismiss} />,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('shows no action button without an action', () => {
    render(<Toast message="Saved" onDismiss={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Dismiss']);
  });

  it('can be dismissed', () => {
    const onDismiss = vi.fn();
    render(<Toast message="Saved" onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('renders HTML in the message as text', () => {
    render(<Toast message="<img src=x onerror=alert(1)>" onDismiss={() => {}} />);
    expect(screen.getByRole('status').querySelector('img')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
