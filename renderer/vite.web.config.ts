/**
 * The web build: the same renderer served to a plain browser (how the UI is tested here), with the browser
 * host. Output goes to out/web.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** A path beside this file; plain URL parsing, since this folder's lint rules keep Node modules out. */
const here = (p: string): string => decodeURIComponent(new URL(p, import.meta.url).pathname);
const root = here('.');

/** React Refresh injects an inline script in development; the CSP meta is for built bundles only. */
export function devCspPlugin(): Plugin {
  return {
    name: 'abs-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devCspPlugin()],
  worker: { format: 'es' },
  build: {
    outDir: here('../out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    // Rolldown's default minifier breaks decimal.js in the worker bundle (toDecimalPlaces lost); esbuild's does not.
    minify: 'esbuild',
  },
  server: { host: '127.0.0.1', fs: { allow: [here('..')] } },
  preview: { host: '127.0.0.1' },
});
