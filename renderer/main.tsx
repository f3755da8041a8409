import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getHost } from './host';
import { DisplayRoot } from './i18n/DisplayRoot';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <DisplayRoot>
      <App host={getHost()} />
    </DisplayRoot>
  </StrictMode>,
);
