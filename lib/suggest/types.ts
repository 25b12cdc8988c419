import type { Severity } from '../model';

/** A passage the user highlighted, with what its place in the document tells about it. */
export interface Passage {
  text: string;
  /** The section heading the passage sits under ("What needs to improve?", "Children in care"). */
  section?: string;
  /** The grade of the judgement whose section holds the passage, as printed ("Inadequate"). */
  grade?: string;
}

/** A passage with the themes (most relevant first) and severity a reader gave it. */
export interface LabelledPassage extends Passage {
  themes: string[];
  severity: Exclude<Severity, -1>;
}

export interface Suggestions {
  /** Up to three theme ids, best first. */
  themes: string[];
  severity: Exclude<Severity, -1>;
}

/** What the suggester knows of a theme: the user's own label and description. */
export interface ThemeText {
  id: string;
  label: string;
  description?: string;
}
