import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCase } from '../../corpus/build';
import { CASES } from '../../corpus/cases';
import type { CorpusFile } from '../../corpus/corpus';
import { showHtml } from './helpers';

// Keeps tests/fixtures/corpus/corpus.json what tests/corpus/build.ts makes of the cases. After changing
// the cases, the pages or the rule, regenerate it with:
//   npx vitest run --project unit tests/unit/anchoring/corpus-data.test.ts -u

const FOLDERS: Record<string, string> = {
  pages: path.resolve(__dirname, '../../../../shared/fixtures/pages'),
  anchoring: path.resolve(__dirname, '../../fixtures/anchoring'),
  corpus: path.resolve(__dirname, '../../fixtures/corpus'),
};

function readPage(name: string): string {
  const [folder, file] = name.split('/') as [string, string];
  return readFileSync(path.join(FOLDERS[folder]!, file), 'utf8');
}

describe('the edit corpus', () => {
  it('is what the cases make of the fixture pages', async () => {
    const names = [...new Set(CASES.flatMap((c) => [c.original, c.edited]))];
    const pages = Object.fromEntries(names.map((name) => [name, readPage(name)]));
    const file: CorpusFile = {
      pages,
      cases: CASES.map((spec) => ({
        name: spec.name,
        kind: spec.kind,
        original: spec.original,
        edited: spec.edited,
        annotations: buildCase(spec, pages, showHtml),
      })),
    };
    await expect(`${JSON.stringify(file, null, 1)}\n`).toMatchFileSnapshot(
      '../../fixtures/corpus/corpus.json',
    );
  }, 60_000);
});
