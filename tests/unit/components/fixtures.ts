import type { Annotation, Theme } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';

/** The default themes plus one retired theme. */
export const THEMES: Theme[] = [
  ...DEFAULT_THEMES,
  { id: 'old-theme', label: 'Retired topic', color: '#999999', order: 99, retired: true },
];

let next = 1;

export function annotation(changes: Partial<Annotation> = {}): Annotation {
  const id = `a${next++}`;
  return {
    id,
    url: 'https://www.example.org/news/council-report',
    quote: `Quote ${id}`,
    selectors: [],
    themes: [],
    severity: 3,
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}

/** A promise and the functions that settle it, for holding an action in flight. */
export function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
