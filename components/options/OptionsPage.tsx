import { ImportSection, type ImportSectionProps } from './ImportSection';
import { TeamSpaceSection, type TeamSpaceSectionProps } from './TeamSpaceSection';
import { ThemeManager, type ThemeManagerProps } from './ThemeManager';

export interface OptionsPageProps {
  themes: ThemeManagerProps;
  importer: ImportSectionProps;
  teamSpace: TeamSpaceSectionProps;
}

/** The options page: theme management, import and the team space. */
export function OptionsPage({ themes, importer, teamSpace }: OptionsPageProps) {
  return (
    <main class="options">
      <h1>Ofsted Annotator settings</h1>
      <ThemeManager {...themes} />
      <ImportSection {...importer} />
      <TeamSpaceSection {...teamSpace} />
    </main>
  );
}
