import { defineConfig } from 'vite';

// The console is served under /console/ by the local stack (and, next, by CloudFront): ADR 28.
export default defineConfig({
  base: '/console/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
