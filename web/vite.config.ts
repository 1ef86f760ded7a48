// One Vite project, one entry per app (src/apps/<app>/index.html), each built into dist/<app>/ and served
// under /<app>/. Today: the staff console. `vite` (port 5173) and `vite preview` proxy the API to a running
// gateway (MOTCRM_GATEWAY_URL, default http://localhost:8080) and answer /<app>/config.json the way the
// gateway does, so the same build signs in through the same Keycloak.
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const app = process.env.MOTCRM_APP ?? 'console';
const gateway = process.env.MOTCRM_GATEWAY_URL ?? 'http://localhost:8080';

/** What the gateway serves at /console/config.json (gateway/.../console/Console.java). */
function runtimeConfig(): Plugin {
  const settings = JSON.stringify({
    keycloakUrl: process.env.MOTCRM_KEYCLOAK_URL ?? 'http://localhost:8180',
    realm: process.env.MOTCRM_REALM ?? 'motcrm',
    clientId: `motcrm-${app}`,
    gatewayUrl: '',
  });
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== `/${app}/config.json`) return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(settings);
  };
  return {
    name: 'motcrm-runtime-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

// The gateway refuses browser origins it does not list; to it, these requests come from the dev server.
const api: ProxyOptions = {
  target: gateway,
  changeOrigin: true,
  configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
};

export default defineConfig({
  root: fileURLToPath(new URL(`./src/apps/${app}`, import.meta.url)),
  base: `/${app}/`,
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL(`./dist/${app}`, import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  plugins: [runtimeConfig()],
  server: { port: 5173, strictPort: true, proxy: { '/api': api } },
  preview: { port: 5173, strictPort: true, proxy: { '/api': api } },
});
