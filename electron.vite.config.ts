/**
 * electron-vite build: main (Node, ESM), preload (sandboxed, so one self-contained CommonJS file) and the
 * renderer (the same React app the web build serves).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { devCspPlugin } from './renderer/vite.web.config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      rolldownOptions: { input: { index: here('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      // A sandboxed preload cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('renderer'),
    base: './',
    plugins: [react(), devCspPlugin()],
    worker: { format: 'es' },
    build: {
      outDir: here('out/renderer'),
      chunkSizeWarningLimit: 4000,
      // Rolldown's default minifier breaks decimal.js in the worker bundle; esbuild's does not.
      minify: 'esbuild',
      rolldownOptions: { input: { index: here('renderer/index.html') } },
    },
  },
});
