import { fireEvent, render, screen, within } from '@testing-library/preact';
import { AnnotationList, placeLabel } from '../../../components/viewer/AnnotationList';
import { FileChooser } from '../../../components/viewer/FileChooser';
import { ProblemBox } from '../../../components/viewer/ProblemBox';
import { ReportHeading } from '../../../components/viewer/ReportHeading';
import { Viewer, type ViewerProps } from '../../../components/viewer/Viewer';
import { ViewerToolbar, type ViewerToolbarProps } from '../../../components/viewer/ViewerToolbar';
import { PROBLEMS, permissionProblem } from '../../../lib/viewer/problems';
import { annotation, THEMES } from '../components/fixtures';
import { devonDetails } from '../export/samples';

const DEVON = devonDetails;

function toolbarProps(changes: Partial<ViewerToolbarProps> = {}): ViewerToolbarProps {
  return {
    page: 3,
    pageCount: 14,
    zoom: { mode: 'scale', scale: 1 },
    onPage: vi.fn(),
    onPrevious: vi.fn(),
    onNext: vi.fn(),
    onZoomIn: vi.fn(),
    onZoomOut: vi.fn(),
    onZoom: vi.fn(),
    ...changes,
  };
}

describe('ReportHeading', () => {
  it("shows an Ofsted report's details and grades, and links to the original", () => {
    render(
      <ReportHeading
        title="Inspection of Devon local authority children’s services"
        details={DEVON}
        originalUrl="https://files.ofsted.gov.uk/v1/file/50276862"
        onOpenOriginal={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Inspection of Devon local authority children’s services',
    );
    expect(screen.getByText('Devon')).toBeTruthy();
    expect(screen.getByText('standard inspection')).toBeTruthy();
    expect(screen.getByText('30 September to 11 October 2024 and 13 to 16 January 2025')).toBeTruthy();
    const grades = screen.getByRole('table', { name: 'Judgements' });
    expect(within(grades).getByRole('rowheader', { name: 'Overall effectiveness' })).toBeTruthy();
    expect(within(grades).getByRole('cell', { name: 'Inadequate' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe(
      'https://files.ofsted.gov.uk/v1/file/50276862',
    );
  });

  it('opens the original through the extension, not by following the link', () => {
    const onOpenOriginal = vi.fn();
    render(
      <ReportHeading
        title="Devon"
        details={DEVON}
        originalUrl="https://files.ofsted.gov.uk/v1/file/50276862"
        onOpenOriginal={onOpenOriginal}
      />,
    );
    const link = screen.getByRole('link', { name: 'Open the original' });
    expect(fireEvent.click(link)).toBe(false); // the browser does not follow it
    expect(onOpenOriginal).toHaveBeenCalledOnce();
  });

  it('shows no details, grades or link for a local PDF that is no report', () => {
    render(<ReportHeading title="minutes.pdf" details={null} originalUrl={null} onOpenOriginal={() => {}} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows a letter without grades without a table', () => {
    render(
      <ReportHeading
        title="Focused visit"
        details={{ ...DEVON, judgements: [] }}
        originalUrl={null}
        onOpenOriginal={() => {}}
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders stored strings as text, and links only to web addresses', () => {
    render(
      <ReportHeading
        title="<img src=x onerror=alert(1)>"
        details={{ ...DEVON, localAuthority: '<b>Devon</b>' }}
        originalUrl="javascript:alert(1)"
        onOpenOriginal={() => {}}
      />,
    );
    expect(document.querySelector('img, b')).toBeNull();
    expect(screen.getByText('<b>Devon</b>')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('ViewerToolbar', () => {
  it('names every control', () => {
    render(<ViewerToolbar {...toolbarProps()} />);
    for (const name of ['Previous page', 'Next page', 'Zoom out', 'Zoom in']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect((screen.getByRole('textbox', { name: 'Page number' }) as HTMLInputElement).value).toBe('3');
    expect(screen.getByText('of 14')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Zoom' })).toBeTruthy();
  });

  it('goes to a typed page on Enter, within the pages', () => {
    const props = toolbarProps();
    render(<ViewerToolbar {...props} />);
    const input = screen.getByRole('textbox', { name: 'Page number' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '9' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onPage).toHaveBeenCalledWith(9);
    fireEvent.input(input, { target: { value: '40' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onPage).toHaveBeenLastCalledWith(14);
    fireEvent.input(input, { target: { value: 'x' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onPage).toHaveBeenCalledTimes(2);
    expect(input.value).toBe('3');
  });

  it('moves pages and zooms with its buttons', () => {
    const props = toolbarProps();
    render(<ViewerToolbar {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(props.onPrevious).toHaveBeenCalledTimes(1);
    expect(props.onNext).toHaveBeenCalledTimes(1);
    expect(props.onZoomIn).toHaveBeenCalledTimes(1);
    expect(props.onZoomOut).toHaveBeenCalledTimes(1);
  });

  it('offers 50% to 300% and fit width', () => {
    const props = toolbarProps({ zoom: { mode: 'fit-width', scale: 1.16 } });
    render(<ViewerToolbar {...props} />);
    const select = screen.getByRole('combobox', { name: 'Zoom' }) as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels[0]).toBe('Fit width (116%)');
    expect(labels).toContain('50%');
    expect(labels).toContain('300%');
    expect(select.value).toBe('fit-width');
    fireEvent.change(select, { target: { value: '1.5' } });
    expect(props.onZoom).toHaveBeenCalledWith(1.5);
    fireEvent.change(select, { target: { value: 'fit-width' } });
    expect(props.onZoom).toHaveBeenLastCalledWith('fit-width');
  });

  it('disables moves past the first and last page', () => {
    const { rerender } = render(<ViewerToolbar {...toolbarProps({ page: 1 })} />);
    expect((screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<ViewerToolbar {...toolbarProps({ page: 14 })} />);
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('AnnotationList', () => {
  const found = annotation({
    quote: 'serious weaknesses remain, leaving children at risk of harm',
    severity: 4,
    themes: ['neglect'],
  });
  const lost = annotation({ quote: 'a passage since removed', severity: 1 });

  it('lists quotes, places and severities; a click reveals a found one', () => {
    const onReveal = vi.fn();
    render(
      <AnnotationList
        ready
        themes={THEMES}
        onReveal={onReveal}
        items={[
          { annotation: found, orphan: false, page: 2, paragraph: 12 },
          { annotation: lost, orphan: true, page: 5 },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: '2 annotations' })).toBeTruthy();
    const button = screen.getByRole('button', { name: /serious weaknesses remain/ });
    expect(button.textContent).toContain('Page 2, paragraph 12');
    expect(button.textContent).toContain('Serious concern');
    fireEvent.click(button);
    expect(onReveal).toHaveBeenCalledWith(found.id);
  });

  it('marks those not found, and does not offer to reveal them', () => {
    render(
      <AnnotationList
        ready
        themes={THEMES}
        onReveal={vi.fn()}
        items={[{ annotation: lost, orphan: true }]}
      />,
    );
    expect(screen.getByText('Not found in this document')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when there are none, and while the report is being read', () => {
    const { rerender } = render(<AnnotationList ready themes={THEMES} onReveal={vi.fn()} items={[]} />);
    expect(screen.getByText(/None yet/)).toBeTruthy();
    rerender(<AnnotationList ready={false} themes={THEMES} onReveal={vi.fn()} items={[]} />);
    expect(screen.getByText(/once the report is read/)).toBeTruthy();
  });

  it('renders quotes as text', () => {
    const html = annotation({ quote: '<img src=x onerror=alert(1)>' });
    render(
      <AnnotationList
        ready
        themes={THEMES}
        onReveal={vi.fn()}
        items={[{ annotation: html, orphan: false }]}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
  });

  it('words places', () => {
    expect(placeLabel({ page: 3 })).toBe('Page 3');
    expect(placeLabel({ page: 3, pageEnd: 4, paragraph: 12 })).toBe('Pages 3–4, paragraph 12');
    expect(placeLabel({ paragraph: 12 })).toBe('Paragraph 12');
    expect(placeLabel({})).toBe('');
  });
});

describe('ProblemBox', () => {
  it('shows a load failure as an alert', () => {
    render(<ProblemBox problem={PROBLEMS.password} />);
    expect(screen.getByRole('alert').textContent).toBe(PROBLEMS.password.message);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers to allow the site when the download lacked permission', () => {
    const onAllow = vi.fn();
    render(<ProblemBox problem={permissionProblem('https://files.ofsted.gov.uk')} onAllow={onAllow} />);
    fireEvent.click(
      within(screen.getByRole('alert')).getByRole('button', { name: 'Allow access to files.ofsted.gov.uk' }),
    );
    expect(onAllow).toHaveBeenCalledTimes(1);
  });
});

describe('FileChooser', () => {
  const pdf = new File(['%PDF-1.7'], 'report.pdf', { type: 'application/pdf' });

  it('takes a chosen file', () => {
    const onFile = vi.fn();
    render(<FileChooser onFile={onFile} />);
    const input = screen.getByLabelText('Choose a PDF…') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [pdf] } });
    expect(onFile).toHaveBeenCalledWith(pdf);
  });

  it('takes a dropped file', () => {
    const onFile = vi.fn();
    render(<FileChooser onFile={onFile} />);
    fireEvent.drop(screen.getByText('or drop it here').parentElement!, { dataTransfer: { files: [pdf] } });
    expect(onFile).toHaveBeenCalledWith(pdf);
  });
});

describe('Viewer', () => {
  function props(changes: Partial<ViewerProps> = {}): ViewerProps {
    return {
      phase: 'ready',
      local: false,
      title: 'Inspection of Devon local authority children’s services',
      details: DEVON,
      originalUrl: 'https://files.ofsted.gov.uk/v1/file/50276862',
      onOpenOriginal: vi.fn(),
      problem: null,
      onAllow: vi.fn(),
      onFile: vi.fn(),
      toolbar: toolbarProps(),
      items: [],
      themes: THEMES,
      annotatable: true,
      onReveal: vi.fn(),
      pages: Object.assign(document.createElement('div'), { className: 'viewer-scroller' }),
      overlay: Object.assign(document.createElement('div'), { className: 'viewer-overlay' }),
      ownUiAttribute: 'data-viewer-ui',
      ...changes,
    };
  }

  it('shows the report with its toolbar and side list, hosting the pages', () => {
    const p = props();
    render(<Viewer {...p} />);
    expect(screen.getByRole('group', { name: 'Pages and zoom' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Annotations in this document' })).toBeTruthy();
    expect(p.pages.isConnected).toBe(true);
    expect(p.overlay.isConnected).toBe(true);
    expect(screen.getByRole('banner').hasAttribute('data-viewer-ui')).toBe(true);
  });

  it('says it is loading', () => {
    render(<Viewer {...props({ phase: 'loading' })} />);
    expect(screen.getByRole('status').textContent).toBe('Loading report…');
    expect(screen.queryByRole('group', { name: 'Pages and zoom' })).toBeNull();
  });

  it('offers a file chooser without a file', () => {
    render(
      <Viewer {...props({ phase: 'choose', local: true, title: '', details: null, originalUrl: null })} />,
    );
    expect(screen.getByLabelText('Choose a PDF…')).toBeTruthy();
  });

  it('shows a failure with the permission button, and no chooser for a download', () => {
    const p = props({
      phase: 'failed',
      details: null,
      problem: permissionProblem('https://files.ofsted.gov.uk'),
    });
    render(<Viewer {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to files.ofsted.gov.uk' }));
    expect(p.onAllow).toHaveBeenCalled();
    expect(screen.queryByLabelText('Choose a PDF…')).toBeNull();
  });

  it('offers the chooser again after a local file failed', () => {
    render(
      <Viewer {...props({ phase: 'failed', local: true, originalUrl: null, problem: PROBLEMS.notPdf })} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('This file is not a PDF.');
    expect(screen.getByLabelText('Choose a PDF…')).toBeTruthy();
  });

  it('keeps the pages of a PDF without text, with the alert and no side list', () => {
    render(<Viewer {...props({ problem: PROBLEMS.noText, annotatable: false })} />);
    expect(screen.getByRole('alert').textContent).toContain('no text layer');
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});
