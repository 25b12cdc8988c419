import type { Selector } from '../../../lib/model';

/** The edit corpus's shape (tests/corpus/corpus.ts, loadCorpus()), as the benchmark reads it. */
export interface CorpusCase {
  name: string;
  kind: string;
  /** The page as annotated (HTML). */
  original: string;
  /** The page after the edit (HTML). */
  edited: string;
  annotations: Array<{
    id: string;
    selectors: Selector[];
    /** `start`, if given: where the text starts in the edited page's normalised text. */
    expected: { text: string; start?: number } | 'orphan';
  }>;
}
