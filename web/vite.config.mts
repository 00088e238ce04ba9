import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('.', import.meta.url));
const server = process.env.KRING_API ?? 'http://127.0.0.1:3000';

/**
 * The browser client. `npm run build:web` writes it to dist/web, which the Nest server serves
 * from its own origin; `npm run dev:web` serves it with hot reload, passing /api and
 * /socket.io to a server started with `npm run start:dev` (or KRING_API).
 * No React plugin: Vite 8 compiles TSX with oxc.
 */
export default defineConfig({
  root: web,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The CSP allows only scripts from 'self': no inline bootstrap code.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Query's "use client" markers mean nothing without server components.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
