/** Starts a page of ours: the Korean font, then React in #root. Each entry imports its own styles. */
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export function mount(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}
