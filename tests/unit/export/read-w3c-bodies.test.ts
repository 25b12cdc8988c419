// Bodies and dates of W3C annotations from other tools: themes, severity, note, links, and
// the dates used when `created` is missing.

import { readW3cCollection } from '../../../lib/export/read-w3c';
import { UNRATED } from '../../../lib/taxonomy/severity';
import { T0, T1, T2 } from '../db/helpers';
import { REPORT_PAGE } from './w3c-fixtures';

type Json = Record<string, any>;

const TARGET = {
  source: REPORT_PAGE,
  selector: { type: 'TextQuoteSelector', exact: 'Children’s experiences in Devon remain poor.' },
};

const one = (fields: Json): Json => ({
  id: 'https://tool.example/a/1',
  type: 'Annotation',
  created: T0.toISOString(),
  target: TARGET,
  ...fields,
});

const readOne = (fields: Json) => {
  const contents = readW3cCollection(one(fields), { now: T2 });
  return { ...contents, annotation: contents.annotations[0]! };
};

describe('readW3cCollection', () => {
  describe('with bodies from other tools', () => {
    it('makes themes of tagging and classifying bodies, and a note of commenting and describing ones', () => {
      const { annotation, themes } = readOne({
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'Neglect' },
          { type: 'TextualBody', purpose: 'classifying', value: 'Children in care' },
          { type: 'TextualBody', purpose: 'commenting', value: 'Still poor.' },
          { type: 'TextualBody', purpose: 'describing', value: 'The headline finding.' },
        ],
      });
      expect(annotation).toMatchObject({
        themes: ['neglect', 'children-in-care'],
        note: 'Still poor.\n\nThe headline finding.',
        severity: UNRATED,
      });
      expect(themes.map((t) => t.label)).toEqual(['Neglect', 'Children in care']);
    });

    it('reads a severity from an assessing body’s label, case ignored', () => {
      expect(readOne({ body: { purpose: 'assessing', value: 'serious concern' } }).annotation.severity).toBe(
        4,
      );
    });

    it('makes an unknown severity label unrated, keeping its words in the note and saying so', () => {
      const { annotation, notes } = readOne({
        body: [
          { type: 'TextualBody', value: 'Needs a look.' },
          { type: 'TextualBody', purpose: 'assessing', value: 'Awful' },
        ],
      });
      expect(annotation).toMatchObject({ severity: UNRATED, note: 'Needs a look.\n\nAssessment: Awful' });
      expect(notes).toEqual([
        '1 annotation had a severity this extension does not know (“Awful”): unrated, its words kept in the note',
      ]);
    });

    it('keeps the first of two severities and the other’s words in the note', () => {
      const { annotation, notes } = readOne({
        body: [
          { purpose: 'assessing', value: 'Strength' },
          { purpose: 'assessing', value: 'Context' },
        ],
      });
      expect(annotation).toMatchObject({ severity: 1, note: 'Assessment: Context' });
      expect(notes).toEqual([
        '1 annotation had more than one severity: the first was kept, the others’ words in the note',
      ]);
    });

    it('makes a link line of a SpecificResource body’s http(s) source and of a body that is an IRI', () => {
      const { annotation } = readOne({
        body: [
          'https://www.gov.uk/government/organisations/ofsted',
          { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://example.org/briefing' } },
          { type: 'TextualBody', value: 'See both.' },
        ],
      });
      expect(annotation.note).toBe(
        'See both.\n\nLink: https://www.gov.uk/government/organisations/ofsted\nLink: https://example.org/briefing',
      );
    });

    it('skips a body whose address is not http or https, and keeps the annotation', () => {
      const { annotation, skipped } = readOne({
        body: ['javascript:alert(1)', { type: 'TextualBody', value: 'Kept.' }],
      });
      expect(annotation.note).toBe('Kept.');
      expect(skipped).toEqual([
        { place: 'body[0]', reason: 'bodies that are neither text nor a web address' },
      ]);
    });

    it('reads every item of a Choice body', () => {
      const { annotation } = readOne({
        body: {
          type: 'Choice',
          items: [
            { type: 'TextualBody', value: 'In English.' },
            { type: 'SpecificResource', source: 'https://example.org/audio.mp3' },
          ],
        },
      });
      expect(annotation.note).toBe('In English.\n\nLink: https://example.org/audio.mp3');
    });

    it('takes the annotation’s motivation as the purpose of a body with none', () => {
      const { annotation } = readOne({
        motivation: 'tagging',
        body: { type: 'TextualBody', value: 'Neglect' },
      });
      expect(annotation).toMatchObject({ themes: ['neglect'], note: '' });
    });

    it('keeps a tag too long for a theme in the note, and ignores a blank one', () => {
      const long = 'x'.repeat(121);
      const { annotation, notes } = readOne({
        body: [
          { purpose: 'tagging', value: long },
          { purpose: 'tagging', value: ' ' },
        ],
      });
      expect(annotation).toMatchObject({ themes: [], note: `Tag: ${long}` });
      expect(notes).toEqual([
        '1 annotation had tags too long to be themes (over 120 characters): they were kept in the note',
      ]);
    });
  });

  describe('with dates from other tools', () => {
    it('uses modified for a missing created, and says so', () => {
      const { annotation, notes } = readOne({ created: undefined, modified: T1.toISOString() });
      expect(annotation).toMatchObject({ createdAt: T1.toISOString(), updatedAt: T1.toISOString() });
      expect(notes).toEqual(['1 annotation had no readable creation date: the modification date was used']);
    });

    it('uses the collection’s generated date when an annotation has none', () => {
      const file = {
        type: 'AnnotationCollection',
        generated: T1.toISOString(),
        items: [one({ created: undefined })],
      };
      const { annotations, notes } = readW3cCollection(file, { now: T2 });
      expect(annotations[0]).toMatchObject({ createdAt: T1.toISOString(), updatedAt: T1.toISOString() });
      expect(notes).toEqual([
        `1 annotation had no readable date: the date the file gives (${T1.toISOString()}) was used`,
      ]);
    });

    it('uses the time of import when neither the annotation nor the file has a date', () => {
      const { annotation, notes } = readOne({ created: 'yesterday' });
      expect(annotation).toMatchObject({ createdAt: T2.toISOString(), updatedAt: T2.toISOString() });
      expect(notes).toEqual(['1 annotation had no readable date: the time of import was used']);
    });

    it('reads a date and time with no time zone as UTC', () => {
      const { annotation, notes } = readOne({ created: '2026-03-15T10:00:00' });
      expect(annotation.createdAt).toBe('2026-03-15T10:00:00Z');
      expect(notes).toEqual(['1 annotation had dates with no time zone: they were read as UTC']);
    });

    it('gives an annotation with no id one made from its content, the same on every read', () => {
      const { annotation, notes } = readOne({ id: undefined });
      expect(readOne({ id: undefined }).annotation.id).toBe(annotation.id);
      expect(notes).toEqual(['1 annotation had no id: each was given one made from its content']);
    });
  });
});
