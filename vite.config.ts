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
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/media': 'http://localhost:8080' },
  },
});
