import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The browser side: `src/web` is the site root; `npm run build` writes it to `dist/web`, which the server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The kiosk must start fast on modest PCs: keep an eye on what ships.
    reportCompressedSize: true,
    // The kiosk, the operator console and the store's device pages (kitchen display, pickup board, staff pager).
    rolldownOptions: {
      input: Object.fromEntries(['index', 'admin/index', 'devices/kitchen', 'devices/pickup', 'devices/pager'].map((page) => [page, path.resolve(import.meta.dirname, 'src/web', `${page}.html`)])),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/media': 'http://localhost:8080', '/mqtt': { target: 'ws://localhost:8080', ws: true } },
  },
});
