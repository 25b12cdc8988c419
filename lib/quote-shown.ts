import type { Annotation } from './model';

/** What stands for the quote of an imported annotation found by position alone, until its page is opened. */
export const QUOTE_NOT_READ = 'Quote not read yet: open the page to find it.';

/** The annotation's quote as the user reads it in lists and briefings. */
export function quoteShown(annotation: Pick<Annotation, 'quote'>): string {
  return annotation.quote === '' ? QUOTE_NOT_READ : annotation.quote;
}
