// The web UI's build: plain Preact through esbuild's JSX (no plugin), one
// bundle and one stylesheet under assets/ (hashed names, cached for good),
// everything from the npm packages: no CDN, no fonts or tiles from elsewhere.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: process.env.ISNAD_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  logLevel: 'warn',
});
