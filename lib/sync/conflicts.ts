// How two versions of one space document become one, the same way in every browser: CouchDB
// keeps every conflicting revision, and each browser that may edit the document writes the
// same merge. Pure: it sees only the versions, never the clock or the user.

import type { AlsoEdited, Annotation } from '../model';
import type { StoredDoc } from './space-docs';

/**
 * The merged content of a document's conflicting versions (all live, none deleted). The
 * version changed last wins (its `updatedAt`; for records without one, or a tie, the higher
 * revision, as CouchDB itself picks its winner). For annotations, every other version's note
 * that differs from the winner's is kept in `alsoEdited`, with who wrote it and when.
 */
export function mergeVersions(versions: readonly StoredDoc[]): StoredDoc {
  const ordered = [...versions].sort(byLastChange);
  const winner = ordered.at(-1)!;
  if (winner.type !== 'annotation') return winner;
  const kept = new Map<string, AlsoEdited>();
  for (const version of ordered) {
    for (const earlier of (version as Annotation).alsoEdited ?? []) kept.set(keyOf(earlier), earlier);
  }
  for (const version of ordered.slice(0, -1)) {
    const loser = version as Annotation;
    if (loser.note === winner.note || loser.note.trim() === '') continue;
    const entry: AlsoEdited = {
      note: loser.note,
      by: loser.editor ?? loser.author ?? UNKNOWN,
      at: loser.updatedAt,
    };
    kept.set(keyOf(entry), entry);
  }
  const alsoEdited = [...kept.values()]
    .filter((entry) => entry.note !== winner.note)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : keyOf(a) < keyOf(b) ? -1 : 1));
  const { alsoEdited: _dropped, ...rest } = winner as Annotation & StoredDoc;
  void _dropped;
  return (alsoEdited.length > 0 ? { ...rest, alsoEdited } : rest) as StoredDoc;
}

const UNKNOWN = { user: '', name: 'someone' };

function keyOf(entry: AlsoEdited): string {
  return `${entry.at}\n${entry.by.user}\n${entry.note}`;
}

function byLastChange(a: StoredDoc, b: StoredDoc): number {
  const at = updatedAt(a).localeCompare(updatedAt(b));
  return at !== 0 ? at : compareRevs(a._rev ?? '', b._rev ?? '');
}

function updatedAt(doc: StoredDoc): string {
  return 'updatedAt' in doc && typeof doc.updatedAt === 'string' ? doc.updatedAt : '';
}

/** CouchDB's order of revisions: by generation, then by the hash as text. */
export function compareRevs(a: string, b: string): number {
  const [genA, hashA = ''] = a.split('-');
  const [genB, hashB = ''] = b.split('-');
  const byGeneration = Number(genA) - Number(genB);
  if (byGeneration !== 0 && !Number.isNaN(byGeneration)) return byGeneration;
  return hashA < hashB ? -1 : hashA > hashB ? 1 : 0;
}
