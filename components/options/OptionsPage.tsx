import { ImportSection, type ImportSectionProps } from './ImportSection';
import { ThemeManager, type ThemeManagerProps } from './ThemeManager';

export interface OptionsPageProps {
  themes: ThemeManagerProps;
  importer: ImportSectionProps;
}

/** The options page: theme management and import. */
export function OptionsPage({ themes, importer }: OptionsPageProps) {
  return (
    <main class="options">
      <h1>Ofsted Annotator settings</h1>
      <ThemeManager {...themes} />
      <ImportSection {...importer} />
    </main>
  );
}
