import { readAnyExport } from '../../../lib/export/read-any';
import { readExport } from '../../../lib/export/read';
import { readHypothesisExport } from '../../../lib/export/read-hypothesis';
import hypothesisExport from '../../fixtures/hypothesis/news-export.json';
import hypothesisSearch from '../../fixtures/hypothesis/report-search.json';
import v1Sample from '../../fixtures/export/v1-sample.json';
import { NEWS_URL, T0 } from '../db/helpers';
import { validExport } from './broken-exports';

const NEITHER =
  'This file is not an Ofsted Annotator export, a Hypothesis export (or API search response) or W3C Web Annotations.';

const w3cAnnotation = (id = 'urn:uuid:11111111-2222-4333-8444-555555555555') => ({
  id,
  type: 'Annotation',
  created: T0.toISOString(),
  target: { source: NEWS_URL, selector: { type: 'TextQuoteSelector', exact: 'Caseloads' } },
});

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('readAnyExport', () => {
  it('reads native exports of every version readExport reads', () => {
    expect(readAnyExport(v1Sample)).toEqual(readExport(v1Sample));
    expect(readAnyExport(validExport())).toEqual(readExport(validExport()));
  });

  it('reads W3C Web Annotations known by their context or their type', () => {
    const withContext = { '@context': 'http://www.w3.org/ns/anno.jsonld', ...w3cAnnotation() };
    const { type: _, ...untyped } = withContext;
    expect(readAnyExport(untyped).annotations).toHaveLength(1);
    expect(readAnyExport(w3cAnnotation()).annotations).toHaveLength(1);
    expect(readAnyExport([w3cAnnotation()]).annotations).toHaveLength(1);
    expect(
      readAnyExport({ type: 'AnnotationCollection', items: [w3cAnnotation()] }).annotations,
    ).toHaveLength(1);
  });

  it('reads Hypothesis’s export file and its API search response', () => {
    expect(readAnyExport(hypothesisExport)).toEqual(readHypothesisExport(hypothesisExport));
    expect(readAnyExport(hypothesisSearch).annotations).toHaveLength(4);
  });

  it('refuses anything else', () => {
    for (const json of [null, 3, 'text', [], [1, 2], {}, { format: 'hypothesis' }, { type: 'Note' }]) {
      expect(messageOf(() => readAnyExport(json))).toBe(NEITHER);
    }
  });

  it('passes on the errors of the reader it chose', () => {
    const file = validExport();
    file.version = 9;
    expect(messageOf(() => readAnyExport(file))).toMatch(/^Cannot read export version 9/);
    expect(messageOf(() => readAnyExport({ type: 'Annotation' }))).toMatch(/^target: /);
  });

  it('refuses a native file holding an annotation id twice, naming it', () => {
    const file = validExport();
    file.annotations.push(structuredClone(file.annotations[1]));
    expect(messageOf(() => readAnyExport(file))).toBe(
      `This file has more than one annotation with the id “${file.annotations[1].id}”: each annotation needs its own id.`,
    );
  });

  it('refuses W3C annotations whose ids come to the same annotation id', () => {
    const same = [
      w3cAnnotation('urn:uuid:abc'),
      w3cAnnotation('urn:uuid:def'),
      w3cAnnotation('URN:UUID:abc'),
    ];
    expect(messageOf(() => readAnyExport(same))).toBe(
      'This file has more than one annotation with the id “abc”: each annotation needs its own id.',
    );
  });

  it('lists at most five duplicate ids', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => `urn:uuid:${id}`);
    const file = [...ids, ...ids].map((id) => w3cAnnotation(id));
    expect(messageOf(() => readAnyExport(file))).toBe(
      'This file has more than one annotation with the ids “a”, “b”, “c”, “d”, “e” and 2 more: each annotation needs its own id.',
    );
  });
});
