/**
 * On a phone the console's tables become lists (admin.css): each row a card, each cell a line. A
 * cell then needs its column's name beside it, so every cell gets its header's text as
 * `data-label`, kept up to date as pages render rows, without each page repeating it.
 */
import { useEffect, type RefObject } from 'react';

/** `shown`: whether `root` is on the page yet (the console shows it once signed in). */
export function useTableCellLabels(root: RefObject<HTMLElement | null>, shown: boolean): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const label = () => {
      for (const table of element.querySelectorAll('table')) {
        const headers = [...table.querySelectorAll('thead th')].map((header) => header.textContent?.trim() ?? '');
        for (const row of table.querySelectorAll('tbody tr')) {
          [...row.children].forEach((cell, index) => {
            const text = headers[index];
            if (text && cell.getAttribute('data-label') !== text) cell.setAttribute('data-label', text);
          });
        }
      }
    };
    label();
    const observer = new MutationObserver(label);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, shown]);
}
