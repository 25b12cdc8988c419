// The W3C fixtures of tests/fixtures/w3c (see its README), parsed afresh for each test.

import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(__dirname, '../../fixtures/w3c');

export const REPORT_PAGE = 'https://www.devon.gov.uk/childrens-services/ofsted-inspection-2025';
export const REPORT_PDF = 'https://files.ofsted.gov.uk/v1/file/50276862';
export const NEWS_PAGE =
  'https://www.devonlive.com/news/devon-news/devons-vulnerable-children-remain-unsafe-6800001';

/** A fixture file, parsed. */
export function w3cFixture(name: string): any {
  return JSON.parse(readFileSync(path.join(DIR, name), 'utf8'));
}

/** The message of what `read` throws, or "no error". */
export function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}
