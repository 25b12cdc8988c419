// Reads what a test needs from a .docx: its document.xml, the paragraphs (style and text, in
// order, table cells included) and the external link targets.

import { strFromU8, unzipSync } from 'fflate';

export interface DocxParagraph {
  style: string;
  text: string;
}

export interface DocxContents {
  files: Record<string, Uint8Array>;
  documentXml: string;
  rels: string;
  paragraphs: DocxParagraph[];
  /** Each hyperlink's address (its relationship's target, then #anchor if any) and target mode. */
  links: Array<{ target: string; mode: string | undefined }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : ENTITIES[name]!,
  );
}

export function readDocx(bytes: Uint8Array): DocxContents {
  const files = unzipSync(bytes);
  const documentXml = strFromU8(files['word/document.xml']!);
  const rels = strFromU8(files['word/_rels/document.xml.rels']!);
  const paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? '',
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : unescapeXml(m[1]!)))
      .join(''),
  }));
  const relations = new Map(
    [...rels.matchAll(/<Relationship ([^>]*)\/>/g)].map(([, attrs]) => [
      /Id="([^"]*)"/.exec(attrs!)![1]!,
      {
        type: /Type="([^"]*)"/.exec(attrs!)![1]!,
        target: unescapeXml(/Target="([^"]*)"/.exec(attrs!)![1]!),
        mode: /TargetMode="([^"]*)"/.exec(attrs!)?.[1],
      },
    ]),
  );
  const links = [...documentXml.matchAll(/<w:hyperlink ([^>]*)>/g)].map(([, attrs]) => {
    const anchor = /w:anchor="([^"]*)"/.exec(attrs!)?.[1];
    const relation = relations.get(/r:id="([^"]*)"/.exec(attrs!)?.[1] ?? '');
    const target = (relation?.target ?? '') + (anchor === undefined ? '' : `#${unescapeXml(anchor)}`);
    return { target, mode: relation?.mode };
  });
  return { files, documentXml, rels, paragraphs, links };
}

/** The texts of the paragraphs in a style. */
export function inStyle(docx: DocxContents, style: string): string[] {
  return docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
}
