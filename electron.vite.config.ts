import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = __dirname;

/**
 * electron-vite forces `base: './'` for production renderer builds. The renderer is served from
 * the root of `app://desk/` and of the web host, and deep routes (`/intake/new`) need absolute
 * asset URLs, so put `base: '/'` back (a plain plugin's `config` hook runs after the preset).
 */
function absoluteBase(): Plugin {
  return { name: 'lianxin:absolute-base', config: () => ({ base: '/' }) };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Externalizes package.json "dependencies" only: better-sqlite3 (native, loaded at run
      // time). Everything else (zod, exceljs, ...) is bundled.
      externalizeDeps: true,
      rolldownOptions: {
        // The read worker is its own chunk: the backend starts it as out/main/readWorker.js.
        input: { index: resolve(root, 'electron/main/index.ts'), readWorker: resolve(root, 'electron/backend/reads/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require nothing but `electron`: bundle everything, one CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: '/',
    publicDir: resolve(root, 'renderer/public'),
    plugins: [react(), absoluteBase()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default; the web host serves it over the LAN too.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
