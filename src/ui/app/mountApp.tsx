import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExplorerStoreProvider } from '../../store';
import type { ExplorerStore } from '../../store';
import { App } from './App';
import './theme.css';

export function mountApp(root: HTMLElement, store: ExplorerStore): void {
  createRoot(root).render(
    <StrictMode>
      <ExplorerStoreProvider store={store}>
        <App />
      </ExplorerStoreProvider>
    </StrictMode>,
  );
}
