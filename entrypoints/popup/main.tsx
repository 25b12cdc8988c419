import '../../components/extension-page.css';
import '../../components/report-details.css';
import '../../components/popup.css';
import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { openDb } from '../../lib/db/database';
import { createPopupModel, type PopupModel } from '../../lib/popup/model';

function App({ model }: { model: PopupModel }) {
  const tab = model.tab.value;
  return (
    <>
      {model.problem.value && (
        <p class="error" role="alert">
          {model.problem.value}
        </p>
      )}
      <Popup
        title={tab?.title ?? ''}
        url={tab?.url ?? ''}
        status={tab?.status ?? 'unsupported'}
        details={tab?.details}
        annotations={model.pageAnnotations.value}
        orphanIds={new Set(tab?.orphanIds)}
        themes={model.themes.value}
        pages={model.pages.value}
        query={model.query.value}
        results={model.results.value}
        onQuery={model.onQuery}
        onReveal={model.reveal}
        onActivate={() => void model.activate()}
        onAlwaysOn={() => void model.alwaysOn()}
        onOpenInViewer={() => void model.openInViewer()}
        onOpenLocalPdf={() => void model.openLocalPdf()}
        onOpenDashboard={() => void model.openDashboard()}
        onExport={model.exportJson}
        onShowAll={model.loadPages}
      />
    </>
  );
}

// #app is the page's <main> landmark.
render(<App model={createPopupModel(openDb())} />, document.getElementById('app')!);
