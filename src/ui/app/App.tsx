import { DropZone } from '../files/DropZone';
import { LoadingProgress } from '../files/LoadingProgress';
import { GraphView } from '../graph/GraphView';
import { Header } from '../header/Header';
import { Legend } from '../legend/Legend';
import { Notices } from '../notices/Notices';
import { SidePanel } from '../sidePanel/SidePanel';
import { ViewToolbar } from '../toolbar/ViewToolbar';
import { ModuleTable } from '../table/ModuleTable';
import { useExplorer } from '../../store';

export function App() {
  const mainView = useExplorer((s) => s.mainView);
  return (
    <DropZone>
      <div className="app">
        <Header />
        <Notices />
        <main className="app-main">
          <div className="graph-pane">
            <ViewToolbar />
            {/* The graph stays mounted under the table: its cytoscape instance and viewport survive. */}
            <div className="graph-stage" data-main-view={mainView}>
              <GraphView />
              {mainView === 'table' && <ModuleTable />}
              <LoadingProgress />
            </div>
            <Legend />
          </div>
          <SidePanel />
        </main>
      </div>
    </DropZone>
  );
}
