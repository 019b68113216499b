import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets several checkouts on one machine each run their own server.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/fixtures/require-chromium.ts",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // WebGL through SwiftShader, so MapLibre and deck.gl render without a GPU.
        "--use-gl=angle",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A production build on a throwaway embedded database: what a new user gets from `npm start`, plus the
    // browser test handles (window.__citynerve, compiled in only when NEXT_PUBLIC_TEST_HOOKS=1).
    command: `NEXT_PUBLIC_TEST_HOOKS=1 npm run build && rm -rf .data/e2e && PORT=${PORT} DATA_DIR=.data/e2e AUTH_SIGN_IN_MAX_PER_MINUTE=1000 NOTIFY_WEBHOOK_ALLOW=public,127.0.0.1 npm run serve`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
