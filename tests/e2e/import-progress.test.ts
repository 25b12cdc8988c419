// Issue 14: a large import shows a bar with counts and can be cancelled, leaving nothing
// imported; the same file then imports to the end.

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildJsonExport } from '../../lib/export/json';
import type { Annotation, DocumentRecord } from '../../lib/model';
import { DEFAULT_THEMES } from '../../lib/taxonomy/themes';
import { launch, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** A native export of 10,000 annotations over 500 documents (about 9 MB). */
function largeFile(): string {
  const at = '2026-03-10T10:00:00.000Z';
  const documents: DocumentRecord[] = Array.from({ length: 500 }, (_, d) => ({
    url: `https://www.council-${d}.gov.uk/childrens-services/ofsted-inspection-report`,
    title: `Council ${d}: inspection of children's social care services`,
    createdAt: at,
    updatedAt: at,
  }));
  const annotations: Annotation[] = Array.from({ length: 10_000 }, (_, i) => {
    const quote = `Too many children wait too long for their needs to be assessed (${i}).`;
    return {
      id: `large-${i}`,
      url: documents[i % 500]!.url,
      quote,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'The inspectors found that ', suffix: ' Leaders know' },
        { type: 'TextPositionSelector', start: i * 10, end: i * 10 + quote.length },
      ],
      themes: [DEFAULT_THEMES[i % DEFAULT_THEMES.length]!.id],
      severity: (i % 5) as Annotation['severity'],
      note: i % 3 ? `Note ${i}: compare with the previous inspection.` : '',
      createdAt: at,
      updatedAt: at,
    };
  });
  const file = join(tmpdir(), 'ofsted-annotator-10000.json');
  writeFileSync(file, JSON.stringify(buildJsonExport({ annotations, documents, themes: DEFAULT_THEMES }), null, 2));
  return file;
}

describe('import progress', () => {
  it('shows a bar while a 10,000-annotation file imports; Cancel imports nothing; again, all of it', async () => {
    const file = largeFile();
    session = await launch();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);

    await options.getByLabel('Import a file').setInputFiles(file);
    const bar = options.getByRole('progressbar', { name: /^(Reading the file|Checking|Importing)/ });
    await bar.waitFor();
    await options.getByRole('button', { name: 'Cancel import' }).click();
    await expect
      .poll(() => options.getByRole('status').allTextContents(), { timeout: 30_000 })
      .toContain('Import cancelled: nothing was changed.');
    await expect(bar.count()).resolves.toBe(0);

    // Nothing was written: the same file adds every annotation.
    await options.getByLabel('Import a file').setInputFiles(file);
    await options.getByRole('progressbar').first().waitFor();
    await expect
      .poll(() => options.getByRole('status').allTextContents(), { timeout: 60_000 })
      .toContain('10000 added, 0 updated, 0 unchanged');
  }, 120_000);
});
