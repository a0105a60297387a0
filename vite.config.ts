import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { exitUnlessSupportedNode, packageMinimum } from './scripts/require-node.cjs';

// `npm start` and `npm run web` build the renderer first: an older Node is told
// which one Axial needs here, before the build, rather than crashing later.
exitUnlessSupportedNode(packageMinimum());

// The renderer is built once and served from files (app:// in Electron, the web
// host in a browser): relative asset paths, no dev-server-only code in the output.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // Loaded from disk, never over a network: one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
