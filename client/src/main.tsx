import '@fontsource/cairo/400.css';
import '@fontsource/cairo/600.css';
import '@fontsource/cairo/700.css';
import 'leaflet/dist/leaflet.css';
import './styles/app.css';
import './styles/drawer.css';
import './styles/alarm.css';
import './styles/social-queue.css';
import './styles/wall.css';
import './styles/units.css';
import './styles/commander.css';
import './styles/report.css';
import './styles/admin.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { App } from './App';
import { UnitView } from './views/units/UnitView';

// `/unit` is a patrol unit's tablet: it signs in with the unit's key, not a user session.
const isUnitTablet = /^\/unit\/?$/.test(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {isUnitTablet ? <UnitView /> : <App />}
    </I18nextProvider>
  </StrictMode>,
);
