import Dexie, { type ObservabilitySet } from 'dexie';
import type { AnnotatorDb } from '../db/database';
import { isRecord, MAX_LABEL_LENGTH, MAX_QUOTE_LENGTH } from '../db/validate';
import type { Annotation } from '../model';
import { createSuggester, type LabelledPassage, type Passage, type Suggester, type Suggestions } from '../suggest';
import { activeThemes, themeDescription } from '../taxonomy/themes';

/** The most passages one request may ask about (a report's "What needs to improve?" has a dozen). */
export const MAX_PASSAGES = 500;
/**
 * After a change, the suggester is built again this long after the last one, so it is ready
 * before it is asked, yet a sync that brings thousands of changes builds it once, at the end.
 */
const REBUILD_DELAY_MS = 2000;
/** Only these tables teach the suggester: the outbox, documents and sync records do not. */
const TAUGHT_BY = /^idb:\/\/[^/]+\/(?:annotations|themes)\//;

/**
 * Suggestions for the background to give: a suggester built from the active themes (with what
 * they cover) and every annotation the user has tagged, built again whenever annotations or
 * themes change (in this context or another: Dexie's storagemutated event spans them), so it
 * learns as the user goes. Everything stays in the extension: nothing is sent anywhere.
 */
export class SuggestionService {
  private suggester: Promise<Suggester> | null = null;
  private rebuild: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: AnnotatorDb,
    onChange: (listener: (parts: ObservabilitySet) => void) => void = (listener) =>
      Dexie.on('storagemutated', listener),
  ) {
    onChange((parts) => {
      if (!Object.keys(parts).some((part) => TAUGHT_BY.test(part))) return;
      this.suggester = null;
      clearTimeout(this.rebuild);
      this.rebuild = setTimeout(() => void this.current().catch(() => undefined), REBUILD_DELAY_MS);
    });
  }

  async suggest(passages: readonly Passage[]): Promise<Suggestions[]> {
    const suggester = await this.current();
    return passages.map((passage) => suggester.suggest(passage));
  }

  private current(): Promise<Suggester> {
    this.suggester ??= this.build().catch((error: unknown) => {
      this.suggester = null;
      throw error;
    });
    return this.suggester;
  }

  private async build(): Promise<Suggester> {
    const [themes, annotations] = await this.db.transaction('r', this.db.themes, this.db.annotations, () =>
      Promise.all([this.db.themes.toArray(), this.db.annotations.toArray()]),
    );
    const active = activeThemes(themes);
    const ids = new Set(active.map((t) => t.id));
    return createSuggester(
      active.map((theme) => ({ id: theme.id, label: theme.label, description: themeDescription(theme) })),
      annotations.flatMap((a) => learnedFrom(a, ids)),
    );
  }
}

/** What an annotation teaches: its quote, section, active themes and severity, once it has them. */
function learnedFrom(annotation: Annotation, activeIds: ReadonlySet<string>): LabelledPassage[] {
  const themes = annotation.themes.filter((id) => activeIds.has(id));
  if (annotation.severity < 0 || annotation.quote === '' || themes.length === 0) return [];
  return [
    {
      text: annotation.quote,
      ...(annotation.citation?.section && { section: annotation.citation.section }),
      themes,
      severity: annotation.severity as LabelledPassage['severity'],
    },
  ];
}

/** The passages of a request, checked: text of a quote's length, section and grade of a label's. */
export function checkPassages(passages: unknown): Passage[] {
  if (!Array.isArray(passages) || passages.length > MAX_PASSAGES) {
    throw new Error(`Ask for suggestions on a list of at most ${MAX_PASSAGES} passages.`);
  }
  return passages.map((passage) => {
    if (!isRecord(passage) || typeof passage.text !== 'string' || passage.text.length > MAX_QUOTE_LENGTH) {
      throw new Error('Each passage needs its text, of at most a quote’s length.');
    }
    const label = (value: unknown) =>
      typeof value === 'string' && value.length <= MAX_LABEL_LENGTH ? value : undefined;
    const section = label(passage.section);
    const grade = label(passage.grade);
    return { text: passage.text, ...(section && { section }), ...(grade && { grade }) };
  });
}
