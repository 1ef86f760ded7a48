// Browser tests of the staff console against a running suite (./crm up): Debian's Chromium, one worker,
// Keycloak's real login page once per role (setup project), then the journeys.
//   MOTCRM_CONSOLE_URL   the console (default http://localhost:8080/console/)
//   MOTCRM_GATEWAY_URL   the gateway, for seeding through the API (default http://localhost:8080)
//   MOTCRM_KEYCLOAK_URL  Keycloak, for the seeding tokens (default http://localhost:8180)
//   MOTCRM_CHROMIUM      the browser (default /usr/bin/chromium)
import { defineConfig } from '@playwright/test';

const consoleUrl = process.env.MOTCRM_CONSOLE_URL ?? 'http://localhost:8080/console/';

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: consoleUrl,
    locale: 'en-US',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.MOTCRM_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    // Pure logic (the stream parser, the queue's order, the words): no browser, no suite.
    { name: 'units', testDir: './src', testMatch: /.*\.test\.ts/ },
    { name: 'setup', testMatch: /sign-in\.setup\.ts/ },
    { name: 'journeys', testMatch: /.*\.spec\.ts/, dependencies: ['setup'] },
    { name: 'screenshots', testMatch: /screenshots\.shots\.ts/, dependencies: ['setup'] },
  ],
});
