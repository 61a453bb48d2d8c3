import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import './admin.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
