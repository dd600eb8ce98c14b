import { DropZone } from '../files/DropZone';
import { LoadingProgress } from '../files/LoadingProgress';
import { GraphView } from '../graph/GraphView';
import { Header } from '../header/Header';
import { Legend } from '../legend/Legend';
import { Notices } from '../notices/Notices';
import { SidePanel } from '../sidePanel/SidePanel';
import { ViewToolbar } from '../toolbar/ViewToolbar';

export function App() {
  return (
    <DropZone>
      <div className="app">
        <Header />
        <Notices />
        <main className="app-main">
          <div className="graph-pane">
            <ViewToolbar />
            <div className="graph-stage">
              <GraphView />
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
