// The space's design document: a validate_doc_update function, so that CouchDB itself refuses
// writes the space does not allow, whatever client sends them. Connect installs it when the
// user is an admin of the space; docs/team-spaces.md tells other admins how. CouchDB runs it
// in its own JavaScript engine: plain ES5, no arrow functions, let, const or template strings.

export const DESIGN_DOC_ID = '_design/ofsted-annotator';
export const DESIGN_DOC_VERSION = 1;

/* eslint-disable no-var */
/** The function CouchDB runs for every write, given the space's setting as a fifth argument. */
function validate(newDoc: any, oldDoc: any, userCtx: any, secObj: any, EDIT_OTHERS: boolean) {
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};
  var isAdmin =
    roles.indexOf('_admin') !== -1 ||
    (admins.names || []).indexOf(userCtx.name) !== -1 ||
    roles.some(function (role: string) {
      return (admins.roles || []).indexOf(role) !== -1;
    });
  if (isAdmin) return;
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0)
    throw { forbidden: 'Only an admin of the space can change its design documents.' };
  var kinds: Record<string, string> = {
    'annotation:': 'annotation',
    'document:': 'document',
    'theme:': 'theme',
  };
  var prefix = id.slice(0, id.indexOf(':') + 1);
  var type = kinds[prefix];
  if (!type) throw { forbidden: 'This space holds only annotations, document records and themes.' };
  var key = id.slice(prefix.length);
  var owner = oldDoc && oldDoc.author ? oldDoc.author.user : null;
  if (newDoc._deleted) {
    if (type === 'annotation' && owner && owner !== userCtx.name && !EDIT_OTHERS) {
      throw { forbidden: 'Only its author can delete this annotation.' };
    }
    return;
  }
  if (newDoc.type !== type) throw { forbidden: 'The document type does not match its id.' };
  if (type === 'theme' && newDoc.id !== key)
    throw { forbidden: 'The theme id does not match the document id.' };
  if (type === 'document' && encodeURIComponent(newDoc.url) !== key) {
    throw { forbidden: 'The document address does not match the document id.' };
  }
  if (type !== 'annotation') return;
  if (newDoc.id !== key) throw { forbidden: 'The annotation id does not match the document id.' };
  if (
    typeof newDoc.url !== 'string' ||
    typeof newDoc.quote !== 'string' ||
    typeof newDoc.note !== 'string' ||
    !Array.isArray(newDoc.themes) ||
    typeof newDoc.severity !== 'number' ||
    newDoc.severity % 1 !== 0 ||
    newDoc.severity < 0 ||
    newDoc.severity > 4 ||
    typeof newDoc.createdAt !== 'string' ||
    typeof newDoc.updatedAt !== 'string'
  ) {
    throw { forbidden: 'The annotation is missing a field or has one of the wrong kind.' };
  }
  if (!newDoc.author || newDoc.author.user !== (owner || userCtx.name)) {
    throw {
      forbidden: owner
        ? 'The author of an annotation cannot change.'
        : 'A new annotation must name you as its author.',
    };
  }
  if (!newDoc.editor || newDoc.editor.user !== userCtx.name)
    throw { forbidden: 'The annotation must name you as its last editor.' };
  if (owner && owner !== userCtx.name && !EDIT_OTHERS)
    throw { forbidden: 'Only its author can change this annotation.' };
}

/** The design document for a space whose members may (or may not) change colleagues' annotations. */
export function designDoc({ editOthers }: { editOthers: boolean }) {
  return {
    _id: DESIGN_DOC_ID,
    validate_doc_update: es5Source(editOthers),
    ofstedAnnotator: { version: DESIGN_DOC_VERSION, editOthers },
  };
}

/**
 * The source CouchDB runs: validate() as built (whatever the build named things inside it),
 * called with the space's setting.
 */
function es5Source(editOthers: boolean): string {
  return (
    'function (newDoc, oldDoc, userCtx, secObj) { return (' +
    String(validate) +
    ')(newDoc, oldDoc, userCtx, secObj, ' +
    String(editOthers) +
    '); }'
  );
}
