import { defineConfig } from '@playwright/test';

/**
 * Browser tests against a real host (etc/scripts/test.sh starts one on a fresh SQLite database and sets these
 * variables). Debian's Chromium: no browser is downloaded. One worker: the machine has two cores and the host
 * needs one.
 */
const baseURL = process.env['REGENTRA_E2E_BASE_URL'] ?? 'http://127.0.0.1:5080';
const artifacts = process.env['REGENTRA_E2E_ARTIFACTS'] ?? '../.artifacts/e2e';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  outputDir: `${artifacts}/test-output`,
  reporter: [
    ['list'],
    ['json', { outputFile: `${artifacts}/results.json` }],
    ['html', { outputFolder: `${artifacts}/report`, open: 'never' }],
  ],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['REGENTRA_CHROMIUM'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
