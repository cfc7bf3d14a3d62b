import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // One bundle served over the room's LAN; splitting it buys little for the desk.
  // (Splitting would also let shared modules run before src/zod-config.ts.) The commander's charts add ~400 kB.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1536 },
  server: {
    proxy: {
      '/api': { target: backend },
      '/socket.io': { target: backend, ws: true },
    },
  },
});
