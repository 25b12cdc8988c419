import { fireEvent, render, screen } from '@testing-library/preact';
import { AllPages, type AllPagesProps } from '../../../components/AllPages';
import { THEMES, annotation } from './fixtures';

const PAGES = [
  { url: 'https://files.ofsted.gov.uk/v1/file/50212345', title: 'Anytown ILACS 2025', count: 12 },
  { url: 'https://www.example.org/news/anytown', title: 'Anytown rated inadequate', count: 1 },
];

function setup(overrides: Partial<AllPagesProps> = {}) {
  const props: AllPagesProps = {
    pages: PAGES,
    query: '',
    onQuery: vi.fn(),
    results: null,
    themes: THEMES,
    ...overrides,
  };
  render(<AllPages {...props} />);
  return props;
}

describe('AllPages', () => {
  it('passes what the user types in the search box to onQuery', () => {
    const props = setup();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search quotes and notes' }), {
      target: { value: 'threshold' },
    });
    expect(props.onQuery).toHaveBeenCalledWith('threshold');
  });

  it('lists annotated pages with a link opening in a new tab, the address and the count', () => {
    setup();
    const link = screen.getByRole('link', { name: 'Anytown ILACS 2025' });
    expect(link.getAttribute('href')).toBe(PAGES[0]!.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    const item = link.closest('li');
    expect(item?.textContent).toContain(PAGES[0]!.url);
    expect(item?.textContent).toContain('12 annotations');
    expect(
      screen.getByRole('link', { name: 'Anytown rated inadequate' }).closest('li')?.textContent,
    ).toContain('1 annotation');
  });

  it('does not link an address that is not http, https or file', () => {
    setup({ pages: [{ url: 'javascript:alert(1)', title: 'Bad', count: 1 }] });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Bad')).toBeTruthy();
  });

  it('says when there are no annotated pages', () => {
    setup({ pages: [] });
    expect(screen.getByText('No annotated pages yet.')).toBeTruthy();
  });

  it('shows matching annotations instead of pages when there is a query', () => {
    const hit = annotation({
      url: PAGES[0]!.url,
      quote: 'Thresholds are not consistently applied',
      note: 'Compare with the 2022 focused visit',
      themes: ['front-door'],
    });
    setup({ query: 'threshold', results: [{ annotation: hit, title: 'Anytown ILACS 2025' }] });
    expect(screen.getByRole('heading', { name: '1 match' })).toBeTruthy();
    const item = screen.getByText(/Thresholds are not consistently applied/).closest('li');
    expect(item?.textContent).toContain('Compare with the 2022 focused visit');
    expect(item?.textContent).toContain('Front door and thresholds');
    expect(screen.getByRole('link', { name: 'Anytown ILACS 2025' }).getAttribute('href')).toBe(PAGES[0]!.url);
    expect(screen.queryByRole('link', { name: 'Anytown rated inadequate' })).toBeNull();
  });

  it('says when nothing matches', () => {
    setup({ query: 'zzz', results: [] });
    expect(screen.getByText('No annotations match.')).toBeTruthy();
  });

  it('says it is searching while results are not in yet', () => {
    setup({ query: 'threshold', results: null });
    expect(screen.getByText('Searching…')).toBeTruthy();
  });

  it('renders HTML in quotes, notes and titles as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const hit = annotation({ quote: html, note: html });
    const props: AllPagesProps = {
      pages: [],
      query: 'img',
      onQuery: () => {},
      results: [{ annotation: hit, title: html }],
      themes: THEMES,
    };
    const { container } = render(<AllPages {...props} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: html })).toBeTruthy();
  });
});
