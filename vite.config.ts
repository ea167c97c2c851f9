import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page: src/web → dist/web. Everything is emitted as files from our own origin (no inline
// scripts or styles, no data: fonts), so the server's strict Content-Security-Policy holds.
// A4S_WEB_OUT_DIR builds elsewhere (the end-to-end test builds into a temporary folder).
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  publicDir: false,
  build: {
    outDir: process.env.A4S_WEB_OUT_DIR ?? fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    sourcemap: false,
  },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
