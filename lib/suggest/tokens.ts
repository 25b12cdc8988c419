import { stemmer } from 'stemmer';

/** Words too common in any English text to say anything about a theme. */
const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers him his how i if in into is it its itself just me more most my no nor not ' +
    'now of off on once only or other our ours out over own same she should so some such than that the ' +
    'their theirs them then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours within across upon ' +
    'whose us may must shall much many often including include includes well'
  ).split(' '),
);

/**
 * Words that fill every children's services report whatever its subject ("children", "the
 * local authority", "social workers"): they match a theme's label by accident ("Children in
 * care") and say nothing of what a passage is about. Written from the reports' vocabulary,
 * not tuned on any labelled passage.
 */
const GENERIC = new Set(
  (
    'child children childrens young people person family families parent parents carer local ' +
    'authority authorities council councils service services social work worker workers practice ' +
    'practitioner practitioners staff inspector inspectors inspection ofsted report need needs ' +
    'make made ensure ensures ensuring provide provided receive received support supported ' +
    'supporting help helped helps area areas team teams level levels time times'
  )
    .split(' ')
    .map((w) => stem(w)),
);

/** Porter stem, with "-ship" taken off first so "leadership" meets "leaders". */
export function stem(word: string): string {
  const w = word.length > 7 && word.endsWith('ship') ? word.slice(0, -4) : word;
  return stemmer(w);
}

/** Lower-case words of a text, curly quotes and possessives folded, hyphenated words split. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

export interface Terms {
  /** Stems of the content words, in order (stop words removed). */
  stems: string[];
  /** The same stems, without the generic ones. */
  content: string[];
  /** Adjacent pairs of content stems, as "a b" (phrases such as "care leaver"). */
  pairs: string[];
}

/** The terms of a text that the theme models read. */
export function terms(text: string): Terms {
  const stems: string[] = [];
  const content: string[] = [];
  const pairs: string[] = [];
  let previous: string | null = null;
  for (const w of words(text)) {
    if (STOP.has(w) || /^\d+$/.test(w)) {
      // "children in care": a stop word between two stems still makes a phrase.
      continue;
    }
    const s = stem(w);
    stems.push(s);
    if (previous !== null) pairs.push(`${previous} ${s}`);
    previous = s;
    if (!GENERIC.has(s)) content.push(s);
  }
  return { stems, content, pairs };
}

export function isGeneric(s: string): boolean {
  return GENERIC.has(s);
}
