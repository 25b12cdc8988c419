// Test data for the Word briefing: the briefing samples, a picture, and a build helper.

import type { BriefingInput } from '../../../lib/export/briefing-input';
import {
  buildWordBriefing,
  type BriefingPicture,
  type WordBriefingOptions,
} from '../../../lib/export/word/briefing';
import { T2 } from '../db/helpers';
import { sampleInput } from './briefing-samples';

/** A 1 × 1 PNG (a grey pixel). */
export const PIXEL_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export const HEAT_MAP: BriefingPicture = {
  title: 'Annotations by theme and severity',
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="320" height="120" fill="#ddd"/></svg>',
  png: PIXEL_PNG,
  width: 320,
  height: 120,
  table: {
    head: ['Theme', 'Serious concern', 'Strength'],
    rows: [['Workforce stability and caseloads', '1', '1']],
  },
};

export function wordBriefing(
  input: BriefingInput = sampleInput(),
  options: WordBriefingOptions = {},
): Promise<Uint8Array> {
  return buildWordBriefing(input, { now: T2, ...options });
}
