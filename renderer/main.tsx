import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApi } from './api/client';
import { ApiContext } from './api/context';
import { ProjectChangesContext, ProjectChangesFeed } from './api/projectChangesFeed';
import { pickTransport } from './api/transport';
import { initI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  const feed = new ProjectChangesFeed();
  const api = createApi(pickTransport(), feed);
  const info = await api['app.info']({}).catch(() => null);
  await initI18n(info?.language ?? (navigator.language.startsWith('fr') ? 'fr' : 'en'));
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <ProjectChangesContext.Provider value={feed}>
          <App initialInfo={info} />
        </ProjectChangesContext.Provider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void boot();
