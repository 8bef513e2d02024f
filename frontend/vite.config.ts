/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

const backend = process.env.BACKEND_URL ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    // assets at the root (/index-HASH.js): the server's SPA forwarding sends any dot-less first segment
    // ("/assets/**") to index.html, while root files with a dot are served as static resources
    assetsDir: '',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // react-query ships "use client" directives, which mean nothing in a plain SPA bundle
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/login': backend,
      '/logout': backend,
      '/actuator': backend,
      '/ws': { target: backend, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
