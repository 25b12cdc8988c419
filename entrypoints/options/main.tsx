import '../../components/extension-page.css';
import '../../components/options/options.css';
import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { openDb } from '../../lib/db/database';
import { createOptionsModel, type OptionsModel } from '../../lib/options/model';
import { createTeamSpaceModel, type TeamSpaceModel } from '../../lib/options/team-space-model';

function App({ model, space }: { model: OptionsModel; space: TeamSpaceModel }) {
  return (
    <OptionsPage
      themes={{
        themes: model.themes.value,
        usage: model.usage.value,
        notice: model.themeNotice.value,
        onAdd: model.addTheme,
        onRename: model.renameTheme,
        onRecolour: (id, color) => void model.recolourTheme(id, color),
        onDescribe: (id, description) => void model.describeTheme(id, description),
        onMove: (id, toIndex) => void model.moveTheme(id, toIndex),
        onRetire: (id) => void model.retireTheme(id),
        onRestore: (id) => void model.restoreTheme(id),
        onDelete: model.deleteTheme,
        onRestoreDefaults: () => void model.restoreDefaultThemes(),
      }}
      importer={{
        importing: model.importing.value,
        progress: model.importProgress.value,
        notice: model.importNotice.value,
        onImport: (file) => void model.importFile(file),
        onCancel: model.cancelImport,
      }}
      teamSpace={{
        settings: space.settings.value,
        status: space.status.value,
        progress: space.progress.value,
        notices: space.notices.value,
        busy: space.busy.value,
        notice: space.notice.value,
        onConnect: (request) => void space.connect(request),
        onDisconnect: () => void space.disconnect(),
      }}
    />
  );
}

render(
  <App model={createOptionsModel(openDb())} space={createTeamSpaceModel()} />,
  document.getElementById('app')!,
);
