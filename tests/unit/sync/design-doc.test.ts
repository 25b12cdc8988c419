import {
  DESIGN_DOC_ID,
  DESIGN_DOC_VERSION,
  designDoc,
  type SpaceDesignDoc,
} from '../../../lib/sync/design-doc';

// The space's validate_doc_update, compiled from its source as CouchDB compiles it, and called
// with documents, users and the `_security` object as CouchDB passes them.

type Doc = { _id: string; [field: string]: unknown };
interface UserCtx {
  db: string;
  name: string | null;
  roles: string[];
}
type Validate = (newDoc: Doc | SpaceDesignDoc, oldDoc: Doc | null, userCtx: UserCtx, secObj: object) => void;

function compile(editOthers: boolean): Validate {
  const source = designDoc({ editOthers }).validate_doc_update;
  return new Function(`return (${source})`)() as Validate;
}

const DB = 'annotations-devon-scrutiny';
const SECURITY = {
  admins: { names: ['carol'], roles: ['space-admins'] },
  members: { names: ['ann', 'ben', 'carol'], roles: ['devon-scrutiny'] },
};
const person = (user: string, name: string) => ({ user, name });
const ANN = person('ann', 'Ann Scrutiny');
const BEN = person('ben', 'Ben Lead Member');
const user = (name: string | null, roles: string[] = []): UserCtx => ({ db: DB, name, roles });
const ann = user('ann');
const ben = user('ben');

const ID = '6f1c2b7e-3d4a-4b8e-9f10-2a3b4c5d6e7f';
const REPORT = 'https://files.ofsted.gov.uk/v1/file/50265317';

function annotation(fields: Record<string, unknown> = {}): Doc {
  return {
    _id: `annotation:${ID}`,
    type: 'annotation',
    id: ID,
    url: REPORT,
    quote: 'Management oversight of children’s plans is not consistently effective.',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Management oversight of children’s plans is not consistently effective.',
        prefix: '',
        suffix: '',
      },
      { type: 'TextPositionSelector', start: 1204, end: 1276 },
    ],
    themes: ['oversight', 'planning'],
    severity: 3,
    note: 'Same finding as the 2022 focused visit.',
    citation: { page: 4, paragraph: 12, section: 'What needs to improve?' },
    createdAt: '2025-02-03T10:15:00.000Z',
    updatedAt: '2025-02-03T10:15:00.000Z',
    author: ANN,
    editor: ANN,
    ...fields,
  };
}

/** Ann's annotation as the server holds it. */
const stored = annotation({ _rev: '1-9a1b2c3d' });

/** An edit of the stored annotation, as someone's browser sends it. */
function edit(fields: Record<string, unknown>): Doc {
  return { ...stored, _rev: '1-9a1b2c3d', updatedAt: '2025-02-04T09:00:00.000Z', ...fields };
}

/** A deletion, as PouchDB replicates one: the id, the revision and `_deleted`. */
const tombstone = (id: string): Doc => ({ _id: id, _rev: '2-4e5f6a7b', _deleted: true });

const THEME: Doc = {
  _id: 'theme:section-20',
  type: 'theme',
  id: 'section-20',
  label: 'Section 20 accommodation',
  color: '#6a1b9a',
  order: 24,
  retired: false,
};
const NEWS = 'https://www.devonlive.com/news/devon-news/ofsted-childrens-services-devon-9876543';
const DOCUMENT: Doc = {
  _id: `document:${encodeURIComponent(NEWS)}`,
  type: 'document',
  url: NEWS,
  title: 'Ofsted finds Devon children’s services still require improvement',
  createdAt: '2025-02-03T10:15:00.000Z',
  updatedAt: '2025-02-03T10:15:00.000Z',
};

/** What CouchDB makes of a write: undefined if accepted, else the object thrown. */
function judge(
  editOthers: boolean,
  newDoc: Doc | SpaceDesignDoc,
  oldDoc: Doc | null,
  userCtx: UserCtx,
  secObj: object = SECURITY,
): unknown {
  try {
    compile(editOthers)(newDoc, oldDoc, userCtx, secObj);
    return undefined;
  } catch (thrown) {
    return thrown;
  }
}

const refusal = (words: RegExp) => ({ forbidden: expect.stringMatching(words) });
const BOTH = [false, true];

describe('designDoc', () => {
  it('is the space’s design document, carrying its version and setting', () => {
    for (const editOthers of BOTH) {
      const doc = designDoc({ editOthers });
      expect(doc._id).toBe(DESIGN_DOC_ID);
      expect(DESIGN_DOC_ID).toBe('_design/ofsted-annotator');
      expect(doc.ofstedAnnotator).toEqual({ version: DESIGN_DOC_VERSION, editOthers });
      expect(DESIGN_DOC_VERSION).toBe(1);
    }
  });

  it('writes the setting into the function’s first line, and is otherwise the same text', () => {
    const own = designDoc({ editOthers: false }).validate_doc_update;
    const others = designDoc({ editOthers: true }).validate_doc_update;
    expect(own.split('\n')[1]).toBe('  var EDIT_OTHERS = false;');
    expect(others.split('\n')[1]).toBe('  var EDIT_OTHERS = true;');
    expect(others.replace('EDIT_OTHERS = true', 'EDIT_OTHERS = false')).toBe(own);
    // The same text every time, so an admin's Connect leaves an installed one alone.
    expect(designDoc({ editOthers: false }).validate_doc_update).toBe(own);
  });

  it('is an anonymous ES5 function of four arguments, as CouchDB expects', () => {
    for (const editOthers of BOTH) {
      const source = designDoc({ editOthers }).validate_doc_update;
      expect(source).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\) \{\n[\s\S]*\n\}$/);
      for (const es2015 of ['=>', 'let ', 'const ', '`', 'class ', '...', '${']) {
        expect(source).not.toContain(es2015);
      }
      expect(compile(editOthers)).toHaveLength(4);
      expect(() => JSON.parse(JSON.stringify(designDoc({ editOthers })))).not.toThrow();
    }
  });
});

describe('validate_doc_update', () => {
  describe('admins', () => {
    it.each(BOTH)(
      'lets a server admin write anything, design documents too (editOthers %s)',
      (editOthers) => {
        const admin = user('couchadmin', ['_admin']);
        expect(judge(editOthers, { _id: '_design/reports', views: {} }, null, admin)).toBeUndefined();
        expect(judge(editOthers, { _id: 'note:1', text: 'anything' }, null, admin)).toBeUndefined();
        expect(judge(editOthers, edit({ note: 'tidied', editor: ANN }), stored, admin)).toBeUndefined();
      },
    );

    it('lets an admin named in the space’s security change a colleague’s annotation in an own-only space', () => {
      const carol = user('carol');
      expect(judge(false, edit({ note: 'Checked by Carol' }), stored, carol)).toBeUndefined();
      expect(judge(false, tombstone(stored._id), stored, carol)).toBeUndefined();
      expect(judge(false, designDoc({ editOthers: true }), null, carol)).toBeUndefined();
    });

    it('lets a user holding one of the space’s admin roles write anything', () => {
      const dave = user('dave', ['devon-scrutiny', 'space-admins']);
      expect(judge(false, edit({ editor: BEN }), stored, dave)).toBeUndefined();
      expect(judge(false, { _id: '_design/ofsted-annotator' }, null, dave)).toBeUndefined();
    });

    it('does not count a member role as an admin role', () => {
      const erin = user('erin', ['devon-scrutiny']);
      expect(judge(false, { _id: '_design/ofsted-annotator' }, null, erin)).toEqual(refusal(/only an admin/));
    });

    it('treats a space whose security names no admins as having none but server admins', () => {
      expect(judge(false, { _id: '_design/ofsted-annotator' }, null, ann, {})).toEqual(refusal(/admin/));
      expect(judge(false, annotation(), null, ann, {})).toBeUndefined();
    });
  });

  describe('which documents a space holds', () => {
    it.each(BOTH)('refuses a member writing or deleting a design document (editOthers %s)', (editOthers) => {
      const design = designDoc({ editOthers: true });
      expect(judge(editOthers, design, null, ann)).toEqual(
        refusal(/^only an admin of this space may change its design documents$/),
      );
      const installed = { ...designDoc({ editOthers }), _rev: '1-aa' };
      expect(judge(editOthers, tombstone(DESIGN_DOC_ID), installed, ann)).toEqual(refusal(/design/));
    });

    it.each([
      'note:1',
      'annotation',
      'annotation:',
      'theme:',
      'Annotation:abc',
      'documents:https%3A%2F%2Fwww.gov.uk',
    ])('refuses a document with the id %j', (id) => {
      expect(judge(true, { _id: id, type: 'annotation' }, null, ann)).toEqual(
        refusal(/^this space holds only annotations, document records and themes$/),
      );
    });

    it('refuses a document whose type does not match its id', () => {
      expect(judge(true, { ...THEME, type: 'annotation' }, null, ann)).toEqual(
        refusal(/starts "theme:" must have the type "theme"/),
      );
      const { type: _type, ...untyped } = DOCUMENT;
      void _type;
      expect(judge(true, untyped as Doc, null, ann)).toEqual(refusal(/type "document"/));
    });

    it('refuses a write from someone not signed in (a space whose security names no members)', () => {
      expect(judge(true, THEME, null, user(null), {})).toEqual(refusal(/^sign in/));
      expect(judge(true, tombstone(THEME._id), THEME, user(null), {})).toEqual(refusal(/sign in/));
    });
  });

  describe('annotations', () => {
    it.each(BOTH)(
      'lets a member add an annotation that names them as author and editor (editOthers %s)',
      (e) => {
        expect(judge(e, annotation(), null, ann)).toBeUndefined();
        expect(judge(e, annotation({ author: BEN, editor: BEN }), null, ben)).toBeUndefined();
      },
    );

    it.each(BOTH)('refuses a new annotation that names a colleague as its author (editOthers %s)', (e) => {
      expect(judge(e, annotation({ author: BEN, editor: ANN }), null, ann)).toEqual(
        refusal(/^a new annotation must name you as its author$/),
      );
    });

    it('refuses an annotation that names no author or no editor', () => {
      const { author: _a, ...noAuthor } = annotation();
      const { editor: _e, ...noEditor } = annotation();
      void _a;
      void _e;
      expect(judge(true, noAuthor as Doc, null, ann)).toEqual(refusal(/name its author/));
      expect(judge(true, noEditor as Doc, null, ann)).toEqual(refusal(/last editor/));
      expect(judge(true, annotation({ editor: { user: 'ann' } }), null, ann)).toEqual(refusal(/editor/));
    });

    it.each([
      ['an id other than its document id’s', { id: 'another-id' }, /id its document id gives/],
      ['no address', { url: undefined }, /address, quote and note/],
      ['a quote that is not text', { quote: ['Management oversight'] }, /address, quote and note/],
      ['a note that is null', { note: null }, /address, quote and note/],
      ['no creation time', { createdAt: undefined }, /times it was made/],
      ['a change time as a number', { updatedAt: 1738577700000 }, /times it was made/],
      ['themes as one string', { themes: 'oversight' }, /list of theme ids/],
      ['a theme that is not an id', { themes: ['oversight', 7] }, /list of theme ids/],
      ['severity 5', { severity: 5 }, /whole number from 0 to 4/],
      ['severity -1', { severity: -1 }, /whole number from 0 to 4/],
      ['severity 2.5', { severity: 2.5 }, /whole number from 0 to 4/],
      ['severity as text', { severity: '3' }, /whole number from 0 to 4/],
    ])('refuses an annotation with %s', (_what, fields, words) => {
      expect(judge(true, annotation(fields), null, ann)).toEqual(refusal(words));
    });

    it('accepts severities 0 and 4, no themes, an empty note, and no citation or selectors', () => {
      for (const severity of [0, 4])
        expect(judge(false, annotation({ severity }), null, ann)).toBeUndefined();
      const { citation: _c, selectors: _s, ...bare } = annotation({ themes: [], note: '' });
      void _c;
      void _s;
      expect(judge(false, bare as Doc, null, ann)).toBeUndefined();
    });

    it.each(BOTH)('lets the author change and delete their own annotation (editOthers %s)', (e) => {
      expect(
        judge(e, edit({ note: 'Raised at scrutiny, March.', severity: 4 }), stored, ann),
      ).toBeUndefined();
      expect(judge(e, tombstone(stored._id), stored, ann)).toBeUndefined();
    });

    it.each(BOTH)('refuses a change of author (editOthers %s)', (e) => {
      expect(judge(e, edit({ author: BEN, editor: ANN }), stored, ann)).toEqual(
        refusal(/^the author of an annotation cannot change$/),
      );
      expect(judge(e, edit({ author: person('ann', 'Ann S.'), editor: BEN }), stored, ben)).toEqual(
        e ? undefined : refusal(/only its author/),
      );
    });

    it('refuses a member editing a colleague’s annotation when the space allows own only', () => {
      expect(judge(false, edit({ note: 'Ben: serious', editor: BEN }), stored, ben)).toEqual(
        refusal(/^only its author may change this annotation in this space$/),
      );
    });

    it('refuses a member deleting a colleague’s annotation when the space allows own only', () => {
      expect(judge(false, tombstone(stored._id), stored, ben)).toEqual(
        refusal(/^only its author may delete this annotation in this space$/),
      );
    });

    it('lets a member edit and delete a colleague’s annotation when the space allows it', () => {
      expect(judge(true, edit({ note: 'Ben: serious', editor: BEN }), stored, ben)).toBeUndefined();
      expect(judge(true, tombstone(stored._id), stored, ben)).toBeUndefined();
    });

    it.each(BOTH)('refuses a change that names someone else as its last editor (editOthers %s)', (e) => {
      expect(judge(e, edit({ note: 'Changed by Ann', editor: BEN }), stored, ann)).toEqual(
        refusal(/^an annotation you change must name you as its last editor$/),
      );
    });

    it('refuses a colleague’s change that keeps the author’s name as last editor', () => {
      expect(judge(true, edit({ note: 'Ben wrote this', editor: ANN }), stored, ben)).toEqual(
        refusal(/name you as its last editor/),
      );
      // Nor may it keep the old time: anything but alsoEdited changed is a change.
      const sneaky = { ...stored, note: 'Ben wrote this' };
      expect(judge(true, sneaky, stored, ben)).toEqual(refusal(/last editor/));
    });

    it('accepts a merge that keeps a colleague’s later version and adds the losing note', () => {
      // Ben's later change is on the server; Ann's browser, which changed it offline, merges.
      const bens = { ...edit({ note: 'Ben: serious', severity: 4, editor: BEN }), _rev: '2-b0b' };
      const merged = {
        ...bens,
        _rev: '2-b0b',
        alsoEdited: [{ note: 'Ann: earlier view', by: ANN, at: '2025-02-03T18:00:00.000Z' }],
      };
      expect(judge(true, merged, bens, ann)).toBeUndefined();
      // The same merge written as a replicated revision, which carries _revisions.
      const replicated = {
        ...merged,
        _rev: '3-c4c',
        _revisions: { start: 3, ids: ['c4c', 'b0b', '9a1b2c3d'] },
      };
      expect(judge(true, replicated, bens, ann)).toBeUndefined();
      expect(judge(true, { ...merged, severity: 3 }, bens, ann)).toEqual(refusal(/last editor/));
    });

    it('treats a write with no earlier version on the server as a new annotation', () => {
      // CouchDB passes no oldDoc when it has no body for any ancestor of a replicated revision.
      expect(judge(true, edit({ editor: BEN }), null, ben)).toEqual(refusal(/name you as its author/));
      expect(judge(false, tombstone(stored._id), null, ben)).toBeUndefined();
    });

    it('keeps the author of a deleted annotation that is put back', () => {
      const deleted = { ...stored, _rev: '2-d1d', _deleted: true };
      expect(judge(false, edit({ _rev: '2-d1d' }), deleted, ann)).toBeUndefined();
      expect(judge(false, edit({ _rev: '2-d1d', editor: BEN }), deleted, ben)).toEqual(
        refusal(/only its author/),
      );
      expect(judge(true, edit({ _rev: '2-d1d', editor: BEN }), deleted, ben)).toBeUndefined();
    });
  });

  describe('themes and document records', () => {
    it.each(BOTH)('lets any member add, change and delete them (editOthers %s)', (e) => {
      expect(judge(e, THEME, null, ann)).toBeUndefined();
      const renamed = { ...THEME, _rev: '1-t1', label: 'Section 20 and voluntary accommodation' };
      expect(judge(e, renamed, THEME, ben)).toBeUndefined();
      expect(judge(e, tombstone(THEME._id), THEME, ben)).toBeUndefined();
      expect(judge(e, DOCUMENT, null, ben)).toBeUndefined();
      expect(
        judge(e, { ...DOCUMENT, title: 'Devon: still requires improvement' }, DOCUMENT, ann),
      ).toBeUndefined();
      expect(judge(e, tombstone(DOCUMENT._id), DOCUMENT, ann)).toBeUndefined();
    });

    it('refuses a theme whose id is not the one its document id gives', () => {
      expect(judge(true, { ...THEME, id: 'section-21' }, null, ann)).toEqual(
        refusal(/^a theme must have the id its document id gives$/),
      );
    });

    it('refuses a document record whose address is not the one its document id gives', () => {
      expect(judge(true, { ...DOCUMENT, url: `${NEWS}#comments` }, null, ann)).toEqual(
        refusal(/^a document record must have the address its document id gives$/),
      );
      expect(judge(true, { ...DOCUMENT, _id: `document:${NEWS}` }, null, ann)).toEqual(refusal(/address/));
      const { url: _u, ...noUrl } = DOCUMENT;
      void _u;
      expect(judge(true, { ...noUrl, _id: 'document:undefined' } as Doc, null, ann)).toEqual(
        refusal(/address/),
      );
    });
  });
});
