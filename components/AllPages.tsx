import type { Annotation, Theme } from '../lib/model';
import { AnnotationSnippet } from './AnnotationSnippet';
import { countLabel, safeHref } from './text';

export interface PageEntry {
  url: string;
  title: string;
  count: number;
}

export interface SearchResult {
  annotation: Annotation;
  title: string;
}

export interface AllPagesProps {
  /** null while the list is still being read. */
  pages: PageEntry[] | null;
  query: string;
  onQuery(query: string): void;
  /** Matches for `query`; null while there is no query or the search is still running. */
  results: SearchResult[] | null;
  themes: Theme[];
}

/** A page title linking to its address in a new tab (plain text if the address is not http, https or file). */
function PageLink({ url, title }: { url: string; title: string }) {
  const href = safeHref(url);
  const text = title || url;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

/** Every annotated page, or the annotations matching a search. */
export function AllPages({ pages, query, onQuery, results, themes }: AllPagesProps) {
  const searching = query.trim() !== '';
  return (
    <section class="all-pages">
      <input
        type="search"
        class="search"
        aria-label="Search quotes and notes"
        placeholder="Search quotes and notes"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      {!searching && <PageList pages={pages} />}
      {searching && results === null && <p class="empty">Searching…</p>}
      {searching && results !== null && <ResultList results={results} themes={themes} />}
    </section>
  );
}

function PageList({ pages }: { pages: PageEntry[] | null }) {
  if (pages === null) return <p class="empty">Loading the annotated pages…</p>;
  if (pages.length === 0) return <p class="empty">No annotated pages yet.</p>;
  return (
    <ul class="page-list">
      {pages.map((p) => (
        <li key={p.url}>
          <PageLink url={p.url} title={p.title} />
          <span class="page-url">{p.url}</span>
          <span class="count">{countLabel(p.count)}</span>
        </li>
      ))}
    </ul>
  );
}

function ResultList({ results, themes }: { results: SearchResult[]; themes: Theme[] }) {
  if (results.length === 0) return <p class="empty">No annotations match.</p>;
  return (
    <>
      <h2>{countLabel(results.length, 'match', 'matches')}</h2>
      <ul class="result-list">
        {results.map(({ annotation, title }) => (
          <li key={annotation.id}>
            <AnnotationSnippet annotation={annotation} themes={themes} showNote />
            <PageLink url={annotation.url} title={title} />
          </li>
        ))}
      </ul>
    </>
  );
}
