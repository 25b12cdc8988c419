import '../../components/extension-page.css';
import '../../components/dashboard/dashboard.css';
import { render } from 'preact';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { openDb } from '../../lib/db/database';
import { dashboardDeps, liveDashboardData } from '../../lib/dashboard/live';
import { createDashboardModel } from '../../lib/dashboard/model';
import { followSpace } from '../../lib/sync/space-state';

const db = openDb();
const live = liveDashboardData(db);
const model = createDashboardModel(live.data, dashboardDeps(db));
followSpace(({ settings }) => (model.me.value = settings?.me ?? null));

function App() {
  return <Dashboard model={model} loadError={live.error.value} />;
}

render(<App />, document.getElementById('app')!);
