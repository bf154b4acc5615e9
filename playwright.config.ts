import { defineConfig } from '@playwright/test';

// Real Chromium from Debian (Playwright cannot download its own browser here), driven against the real web host.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  // Safety nets, not speed targets: every test waits for what the reporter would see, and on a laptop with both
  // cores busy (CI beside a CPU hog, load above 10) that comes several times later than on a quiet one.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.DATELINE_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.DATELINE_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // Without these, Chromium keeps calling home and this closed network refuses it many times over.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'chromium', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
    { name: 'crash', testMatch: 'crash/**/*.spec.ts' },
  ],
});
