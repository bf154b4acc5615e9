import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/noto-serif/vietnamese-400.css';
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/vietnamese-400-italic.css';
import '@fontsource/noto-serif/latin-400-italic.css';
import '@fontsource/noto-serif/vietnamese-700.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-serif/vietnamese-700-italic.css';
import '@fontsource/noto-serif/latin-700-italic.css';
import './app/app.css';
import './editor/prosemirror.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultSettings } from '../shared/settings/settingsSchema';
import { api } from './api/datelineApi';
import { App } from './app/App';
import { PrintView } from './export/PrintView';
import { printViewRoute } from './export/printViewUrl';
import { setUpI18n } from './i18n/i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    // The main process is the only writer, so nothing changes behind the renderer's back; refetching on focus
    // would only fight the editor.
    queries: { refetchOnWindowFocus: false, retry: 1 },
  },
});

const settings = await api.settings.get({}).catch(() => defaultSettings);
await setUpI18n(settings.language);

// `#/print/<id>` is a story's print view, opened by the export menu's PDF item: the story alone, as printed.
const printRoute = printViewRoute(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {printRoute ? <PrintView id={printRoute.id} autoPrint={printRoute.autoPrint} /> : <App />}
    </QueryClientProvider>
  </StrictMode>,
);
