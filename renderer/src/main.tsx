import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickTransport, type Transport } from './api';
import { useReconnects } from './store/use-reconnects';

const transport = pickTransport(window);

/** Remounts the app after a reconnect, so it reads a fresh snapshot like a reload does. */
function Shell({ transport }: { transport: Transport }) {
  const generation = useReconnects(transport);
  return <App api={transport.api} files={transport.files} key={generation} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Shell transport={transport} />
  </StrictMode>,
);
