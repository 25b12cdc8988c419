import '../../components/extension-page.css';
import '../../components/options/options.css';
import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { openDb } from '../../lib/db/database';
import { createOptionsModel, type OptionsModel } from '../../lib/options/model';

function App({ model }: { model: OptionsModel }) {
  return (
    <OptionsPage
      themes={{
        themes: model.themes.value,
        usage: model.usage.value,
        notice: model.themeNotice.value,
        onAdd: model.addTheme,
        onRename: model.renameTheme,
        onRecolour: (id, color) => void model.recolourTheme(id, color),
        onMove: (id, toIndex) => void model.moveTheme(id, toIndex),
        onRetire: (id) => void model.retireTheme(id),
        onRestore: (id) => void model.restoreTheme(id),
        onDelete: model.deleteTheme,
        onRestoreDefaults: () => void model.restoreDefaultThemes(),
      }}
      importer={{
        importing: model.importing.value,
        notice: model.importNotice.value,
        onImport: (file) => void model.importFile(file),
      }}
    />
  );
}

render(<App model={createOptionsModel(openDb())} />, document.getElementById('app')!);
