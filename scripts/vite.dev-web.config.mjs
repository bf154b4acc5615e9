import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer with hot reload in a browser; API calls go on to the web host started by scripts/dev.mjs.
const apiOrigin = `http://127.0.0.1:${process.env.DATELINE_API_PORT}`;

export default defineConfig({
  root: 'renderer',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The host refuses other origins, so the forwarded call presents the host's own.
    proxy: { '/api': { target: apiOrigin, changeOrigin: true, headers: { origin: apiOrigin } } },
  },
});
