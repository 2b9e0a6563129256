/** Renderer entry: Mantine providers, notifications and the app. */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchFor } from './api/startupPrefetch';
import { parseHash } from './routes/route';
import { theme } from './theme';
import { contrastVariablesResolver } from './themeColors';

// Before the first render: the first screen's data loads while React and workspace.info get going.
prefetchFor(parseHash(window.location.hash));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={contrastVariablesResolver}>
      <Notifications position="bottom-right" limit={6} zIndex={1000} />
      <App />
    </MantineProvider>
  </StrictMode>,
);
