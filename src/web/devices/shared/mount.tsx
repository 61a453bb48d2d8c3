/** Starts a device page: fonts, styles and React, like the kiosk's own entry. */
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import './devices.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export function mount(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}
