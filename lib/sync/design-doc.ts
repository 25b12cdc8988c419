// The space's design document. Its validate_doc_update lets CouchDB itself refuse writes the
// space does not allow, whichever client sends them. Connect installs it when the user is an
// admin of the space; docs/team-spaces.md tells other admins how.
//
// The function is kept here as text, not built from a function of this module with
// String(fn): a bundler or test runner may rewrite a function's source (minified names,
// helpers, coverage counters), while CouchDB needs exactly what the tests ran. The same
// text in every build also means an admin's Connect does not reinstall it for nothing
// (lib/background/team-space.ts compares the installed source with this one).
//
// CouchDB 3 runs it in SpiderMonkey (or QuickJS from 3.4), as plain ES5: no arrow
// functions, let, const or template strings. Its messages reach members as "The space
// refused a change: <message>." (lib/sync/engine.ts), so they have no full stop.

export const DESIGN_DOC_ID = '_design/ofsted-annotator';
export const DESIGN_DOC_VERSION = 1;

export type SpaceDesignDoc = {
  _id: typeof DESIGN_DOC_ID;
  validate_doc_update: string;
  /** The space's setting, which the extension reads on Connect. */
  ofstedAnnotator: { version: number; editOthers: boolean };
};

/** The design document for a space whose members may (or may not) change colleagues' annotations. */
export function designDoc({ editOthers }: { editOthers: boolean }): SpaceDesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    validate_doc_update: validateSource(editOthers),
    ofstedAnnotator: { version: DESIGN_DOC_VERSION, editOthers },
  };
}

// The one line that differs between the two settings is the first, so an admin can read the
// setting in Fauxton (and must change it there together with ofstedAnnotator.editOthers).
function validateSource(editOthers: boolean): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var EDIT_OTHERS = ${editOthers ? 'true' : 'false'};
  var name = userCtx.name;
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};

  function has(list, value) {
    return (list || []).indexOf(value) !== -1;
  }
  function refuse(message) {
    throw { forbidden: message };
  }
  function isText(value) {
    return typeof value === 'string';
  }
  function isPerson(value) {
    return !!value && isText(value.user) && isText(value.name);
  }
  // Same JSON value, whatever the order of object keys.
  function same(a, b) {
    if (a === b) return true;
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    var keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (var i = 0; i < keys.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
      if (!same(a[keys[i]], b[keys[i]])) return false;
    }
    return true;
  }
  // Does this write keep every field of the version it replaces but alsoEdited? That is what
  // a merge writes when a colleague's later change wins (lib/sync/conflicts.ts): their
  // version, still naming them as its last editor, with the losing note in alsoEdited.
  function changesOnlyAlsoEdited() {
    if (!oldDoc) return false;
    var keys = Object.keys(newDoc).concat(Object.keys(oldDoc));
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (key.charAt(0) === '_' || key === 'alsoEdited') continue;
      if (!same(newDoc[key], oldDoc[key])) return false;
    }
    return true;
  }

  // Server admins and the space's admins may write anything.
  if (has(roles, '_admin') || (name !== null && has(admins.names, name))) return;
  for (var r = 0; r < roles.length; r++) {
    if (has(admins.roles, roles[r])) return;
  }

  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    refuse('only an admin of this space may change its design documents');
  }
  if (!name) refuse('sign in to change this space');

  var colon = id.indexOf(':');
  var type = colon === -1 ? '' : id.slice(0, colon);
  var key = id.slice(colon + 1);
  if (!has(['annotation', 'document', 'theme'], type) || key === '') {
    refuse('this space holds only annotations, document records and themes');
  }

  // The author of the version this write replaces (a deleted one may still name theirs).
  var owner = oldDoc && oldDoc.author && isText(oldDoc.author.user) ? oldDoc.author.user : null;
  var colleagues = type === 'annotation' && owner !== null && owner !== name;
  if (colleagues && !EDIT_OTHERS) {
    refuse(newDoc._deleted
      ? 'only its author may delete this annotation in this space'
      : 'only its author may change this annotation in this space');
  }
  // A deletion may carry no fields at all.
  if (newDoc._deleted) return;

  if (newDoc.type !== type) {
    refuse('a document whose id starts "' + type + ':" must have the type "' + type + '"');
  }

  if (type === 'theme') {
    if (newDoc.id !== key) refuse('a theme must have the id its document id gives');
    return;
  }
  if (type === 'document') {
    if (!isText(newDoc.url) || encodeURIComponent(newDoc.url) !== key) {
      refuse('a document record must have the address its document id gives');
    }
    return;
  }

  if (newDoc.id !== key) refuse('an annotation must have the id its document id gives');
  if (!isText(newDoc.url) || !isText(newDoc.quote) || !isText(newDoc.note)) {
    refuse('an annotation needs its address, quote and note, as text');
  }
  if (!isText(newDoc.createdAt) || !isText(newDoc.updatedAt)) {
    refuse('an annotation needs the times it was made and last changed, as text');
  }
  var themes = newDoc.themes;
  var themesOk = Array.isArray(themes);
  for (var t = 0; themesOk && t < themes.length; t++) themesOk = isText(themes[t]);
  if (!themesOk) refuse('the themes of an annotation must be a list of theme ids');
  var severity = newDoc.severity;
  if (typeof severity !== 'number' || Math.floor(severity) !== severity || severity < 0 || severity > 4) {
    refuse('the severity of an annotation must be a whole number from 0 to 4');
  }
  if (!isPerson(newDoc.author) || !isPerson(newDoc.editor)) {
    refuse('an annotation must name its author and its last editor');
  }
  if (owner === null && newDoc.author.user !== name) {
    refuse('a new annotation must name you as its author');
  }
  if (owner !== null && newDoc.author.user !== owner) {
    refuse('the author of an annotation cannot change');
  }
  if (newDoc.editor.user !== name && !changesOnlyAlsoEdited()) {
    refuse('an annotation you change must name you as its last editor');
  }
}`;
}
