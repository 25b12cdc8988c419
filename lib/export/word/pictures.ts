// The dashboard's pictures in the Word briefing: each as an SVG image (with a PNG for word
// processors that cannot draw SVG), then its table, which says the same in words for anyone
// who cannot see the picture and lets the officer copy the figures.

import { ImageRun, Paragraph, type ParagraphChild, type Table } from 'docx';
import { oneLine } from './text';
import { heading, textTable } from './blocks';

export interface BriefingPicture {
  title: string;
  /** A standalone SVG document; without it (or without `png`) only the table goes in. */
  svg?: string;
  /** The SVG drawn as a PNG: Word needs one beside every SVG (see rasterise.ts). */
  png?: Uint8Array;
  /** The picture's size in CSS pixels. */
  width: number;
  height: number;
  /** The picture's text alternative: the figures it draws (its first column names each row). */
  table: { head: string[]; rows: string[][] };
}

/** Pictures wider than the A4 page's text (6.27 inches at 96 pixels an inch) are scaled to fit. */
const MAX_WIDTH = 600;

/** A heading, the image if there is one, and the table. */
export function pictureBlocks(picture: BriefingPicture, level: 2 | 3): Array<Paragraph | Table> {
  const title = oneLine(picture.title) || 'Picture';
  const image = pictureImage(picture, title);
  return [
    heading(title, level),
    ...(image ? [new Paragraph({ children: [image], keepNext: true })] : []),
    textTable(picture.table.head, picture.table.rows, {
      small: true,
      shares: picture.table.head.map((_, i) => (i === 0 ? 2 : 1)),
    }),
  ];
}

function pictureImage(picture: BriefingPicture, title: string): ParagraphChild | null {
  const { svg, png, width, height } = picture;
  if (!png || !(width > 0) || !(height > 0)) return null;
  const scale = Math.min(1, MAX_WIDTH / width);
  const transformation = { width: Math.round(width * scale), height: Math.round(height * scale) };
  const altText = { name: title, title, description: `${title}: the table below gives its figures.` };
  if (!svg) return new ImageRun({ type: 'png', data: png, transformation, altText });
  return new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(svg),
    fallback: { type: 'png', data: png },
    transformation,
    altText,
  });
}
