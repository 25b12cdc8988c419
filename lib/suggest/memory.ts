/**
 * The user's own tagged passages, kept to find the ones most like a new passage: the same
 * quote turns up again (syndicated news repeats a report's words), and a user's habit with
 * one kind of finding should carry over to the next one worded alike.
 */

export interface Remembered {
  themes: number[];
  severity: number;
  size: number;
}

export interface Neighbour {
  example: Remembered;
  /** Cosine of the two passages' sets of content stems, 0..1. */
  similarity: number;
}

export class Memory {
  private readonly examples: Remembered[] = [];
  private readonly postings = new Map<string, number[]>();

  get size(): number {
    return this.examples.length;
  }

  add(stems: Iterable<string>, themes: number[], severity: number): void {
    const set = new Set(stems);
    if (set.size === 0) return;
    const id = this.examples.length;
    this.examples.push({ themes, severity, size: set.size });
    for (const s of set) {
      const list = this.postings.get(s);
      if (list) list.push(id);
      else this.postings.set(s, [id]);
    }
  }

  /** The remembered passages most like these stems, best first, at least `floor` alike. */
  nearest(stems: Iterable<string>, floor: number, limit: number): Neighbour[] {
    const set = new Set(stems);
    if (set.size === 0 || this.examples.length === 0) return [];
    // Stems in more than a tenth of the passages say little and cost much: skipped.
    const common = Math.max(20, this.examples.length / 10);
    const shared = new Map<number, number>();
    for (const s of set) {
      const list = this.postings.get(s);
      if (!list || list.length > common) continue;
      for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const out: Neighbour[] = [];
    for (const [id, n] of shared) {
      const example = this.examples[id];
      if (!example) continue;
      const similarity = n / Math.sqrt(set.size * example.size);
      if (similarity >= floor) out.push({ example, similarity });
    }
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
  }
}
