import { fireEvent, render, screen, within } from '@testing-library/preact';
import { PageSummary, type PageSummaryProps } from '../../../components/PageSummary';
import { THEMES, annotation } from './fixtures';

const A = annotation({
  quote: 'Thresholds are not consistently applied',
  themes: ['front-door'],
  severity: 3,
});
const B = annotation({
  quote: 'Leaders know their services well',
  themes: ['leadership', 'front-door'],
  severity: 1,
});
const C = annotation({ quote: 'Text that has since been edited away', themes: ['neglect'], severity: 3 });

function setup(overrides: Partial<PageSummaryProps> = {}) {
  const props: PageSummaryProps = {
    title: 'Council children’s services rated inadequate',
    url: 'https://www.example.org/news/council-report',
    annotations: [A, B, C],
    themes: THEMES,
    orphanIds: new Set([C.id]),
    status: 'active',
    onReveal: vi.fn(),
    onActivate: vi.fn(),
    onAlwaysOn: vi.fn(),
    onOpenInViewer: vi.fn(),
    ...overrides,
  };
  render(<PageSummary {...props} />);
  return props;
}

function rows(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent ?? ''));
}

describe('PageSummary', () => {
  it('heads the list with the number of annotations', () => {
    setup();
    expect(screen.getByRole('heading', { name: '3 annotations' })).toBeTruthy();
  });

  it('says "1 annotation" for one', () => {
    setup({ annotations: [A], orphanIds: new Set() });
    expect(screen.getByRole('heading', { name: '1 annotation' })).toBeTruthy();
  });

  it('reveals an annotation when its item is pressed', () => {
    const props = setup();
    const item = screen.getByRole('button', { name: /Thresholds are not consistently applied/ });
    expect(item.textContent).toContain('Needs improvement');
    expect(item.textContent).toContain('Front door and thresholds');
    fireEvent.click(item);
    expect(props.onReveal).toHaveBeenCalledWith(A.id);
  });

  it('marks orphans "Not found on this page" and does not offer to reveal them', () => {
    setup();
    expect(screen.queryByRole('button', { name: /edited away/ })).toBeNull();
    const orphan = screen.getByText(/edited away/).closest('li');
    expect(orphan?.textContent).toContain('Not found on this page');
    const placed = screen.getByRole('button', { name: /Leaders know/ }).closest('li');
    expect(placed?.textContent).not.toContain('Not found on this page');
  });

  it('counts annotations by severity, highest first', () => {
    setup();
    expect(rows('By severity')).toEqual([
      ['Needs improvement', '2'],
      ['Strength', '1'],
    ]);
  });

  it('counts annotations by theme, most first', () => {
    setup();
    expect(rows('By theme')).toEqual([
      ['Front door and thresholds', '2'],
      ['Leadership, governance and corporate parenting', '1'],
      ['Neglect', '1'],
    ]);
  });

  it('shows the empty state when there are no annotations', () => {
    setup({ annotations: [], orphanIds: new Set() });
    expect(screen.getByText('No annotations on this page yet. Select text to start.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('offers to switch on when the annotator is off for the page', () => {
    const props = setup({ status: 'inactive' });
    fireEvent.click(screen.getByRole('button', { name: 'Switch on for this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Always on this site' }));
    expect(props.onActivate).toHaveBeenCalledTimes(1);
    expect(props.onAlwaysOn).toHaveBeenCalledTimes(1);
  });

  it('does not offer to switch on when already active', () => {
    setup();
    expect(screen.queryByRole('button', { name: 'Switch on for this page' })).toBeNull();
  });

  it('says when the page cannot be annotated', () => {
    setup({ status: 'unsupported', annotations: [], orphanIds: new Set() });
    expect(screen.getByText('This page cannot be annotated.')).toBeTruthy();
    expect(screen.queryByText(/Select text to start/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Switch on for this page' })).toBeNull();
  });

  it('offers to open a PDF shown in the browser’s own viewer in the extension’s', () => {
    const props = setup({ status: 'pdf', annotations: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Open in Ofsted Annotator' }));
    expect(props.onOpenInViewer).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Switch on for this page' })).toBeNull();
  });

  it('shows the details of an Ofsted report open in the viewer', () => {
    setup({
      details: {
        localAuthority: 'Torbay',
        visitType: 'short inspection',
        inspectionDates: { text: '12 to 16 January 2026', start: '2026-01-12', end: '2026-01-16' },
        judgements: [{ judgement: 'Overall effectiveness', grade: 'Good' }],
      },
    });
    expect(screen.getByText('Torbay')).toBeTruthy();
    expect(screen.getByText('short inspection')).toBeTruthy();
    expect(screen.getByText('12 to 16 January 2026')).toBeTruthy();
    const grades = screen.getByRole('table', { name: 'Judgements' });
    expect(within(grades).getByRole('row', { name: 'Overall effectiveness Good' })).toBeTruthy();
  });

  it('renders HTML in quotes, titles and theme labels as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <PageSummary
        title={html}
        url="https://example.org/"
        annotations={[annotation({ quote: html, themes: ['x'] })]}
        themes={[{ id: 'x', label: html, color: '#000', order: 0, retired: false }]}
        orphanIds={new Set()}
        status="active"
        onReveal={() => {}}
        onActivate={() => {}}
        onAlwaysOn={() => {}}
        onOpenInViewer={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(html, { exact: false }).length).toBeGreaterThan(0);
  });
});
