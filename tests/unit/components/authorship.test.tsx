import { render, screen } from '@testing-library/preact';
import { AnnotationSnippet } from '../../../components/AnnotationSnippet';
import { AnnotationItem } from '../../../components/dashboard/AnnotationItem';
import { THEMES, annotation } from './fixtures';

const ANN = { user: 'ann', name: 'Ann Scrutiny' };
const BEN = { user: 'ben', name: 'Ben Lead Member' };

describe('who wrote an annotation in a team space', () => {
  it('shows "by NAME" in the popup and viewer lists, and who changed it last', () => {
    render(<AnnotationSnippet annotation={annotation({ author: ANN, editor: BEN })} themes={THEMES} />);
    expect(screen.getByText('· by Ann Scrutiny, changed by Ben Lead Member')).toBeTruthy();
  });

  it('shows nothing of the kind for the user’s own annotations made outside a space', () => {
    const { container } = render(<AnnotationSnippet annotation={annotation()} themes={THEMES} />);
    expect(container.textContent).not.toContain('by ');
  });

  it('shows the author and the note a colleague wrote at the same time in the dashboard', () => {
    const a = annotation({
      author: ANN,
      editor: ANN,
      note: 'Final view',
      alsoEdited: [{ note: 'Earlier <b>view</b>', by: BEN, at: '2026-03-16T09:30:00.000Z' }],
    });
    render(<AnnotationItem annotation={a} document={undefined} themeLabel={(id) => id} href={undefined} />);
    expect(screen.getByText('· by Ann Scrutiny')).toBeTruthy();
    const kept = screen.getByText('Also edited by Ben Lead Member:').parentElement!;
    expect(kept.textContent).toBe('Also edited by Ben Lead Member: Earlier <b>view</b>');
  });
});
