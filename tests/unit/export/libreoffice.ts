// Opens a .docx in LibreOffice (Debian's libreoffice-writer-nogui) and reads the text of the
// PDF it converts it to: proof that the file opens in a word processor other than Word, and
// of what a reader sees. A missing soffice is a failure, not a skip: CI installs it.

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const run = promisify(execFile);

/** LibreOffice's first start (making its profile) and the conversion take several seconds. */
export const CONVERT_TIMEOUT = 90_000;

async function soffice(searchPath: string | undefined): Promise<string> {
  try {
    const { stdout } = await run('/bin/sh', ['-c', 'command -v soffice'], {
      env: { PATH: searchPath ?? '' },
    });
    return stdout.trim();
  } catch {
    throw new Error(
      "LibreOffice is not installed (no soffice on the PATH): install Debian's libreoffice-writer-nogui " +
        '(apt-get install --no-install-recommends libreoffice-writer-nogui), as .ci/run does.',
    );
  }
}

/**
 * The PDF LibreOffice makes of a .docx: its text (pages joined by newlines), its page count,
 * and the addresses of its links.
 */
export async function docxToPdfText(
  docx: Uint8Array,
  searchPath = process.env.PATH,
): Promise<{ text: string; pages: number; links: string[] }> {
  const bin = await soffice(searchPath);
  const dir = await mkdtemp(path.join(tmpdir(), 'word-briefing-'));
  // A profile of its own, so parallel runs (and a desktop LibreOffice) do not clash.
  const profile = path.join(tmpdir(), `lo-profile-${randomUUID()}`);
  try {
    const input = path.join(dir, 'briefing.docx');
    await writeFile(input, docx);
    await run(
      bin,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: CONVERT_TIMEOUT - 5_000 },
    );
    const pdf = new Uint8Array(await readFile(path.join(dir, 'briefing.pdf')));
    const doc = await getDocument({ data: pdf, useSystemFonts: false }).promise;
    const texts: string[] = [];
    const links: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const a of (await page.getAnnotations()) as Array<{
        subtype: string;
        url?: string;
        unsafeUrl?: string;
      }>) {
        if (a.subtype === 'Link' && (a.unsafeUrl ?? a.url)) links.push((a.unsafeUrl ?? a.url)!);
      }
      texts.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
    await doc.destroy();
    return { text: texts.join('\n'), pages: doc.numPages, links };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** Text with runs of white space as single spaces (PDF text breaks lines where the page does). */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
