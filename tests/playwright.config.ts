import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_LEARNERS, E2E_PORT, e2eServerEnv } from "./support/e2e-server";

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
};

// E2E_PROJECTS=desktop (or phone) runs one viewport only: CI runs the desktop on PGlite and the
// phone on PostgreSQL, so that each test runs on each viewport and on each database once.
const onlyProjects = (process.env.E2E_PROJECTS ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const projects = [
  { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
  {
    name: "phone",
    use: {
      ...devices["Pixel 7"],
      viewport: { width: 360, height: 740 },
      launchOptions,
    },
  },
];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.output/results",
  globalSetup: "./support/e2e-global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { outputFolder: "./.output/report", open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: E2E_BASE_URL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: projects.filter((project) => !onlyProjects.length || onlyProjects.includes(project.name)),
  webServer: {
    // Migrate and seed first (PGlite allows one process at a time), then serve the build as
    // `npm start` does (server.mjs: its 503s, its headers, its idle keep-alive).
    command: `npm run --silent db:migrate && npm run --silent db:seed -- --e2e-learners=${E2E_LEARNERS} && exec node server.mjs -p ${E2E_PORT} -H localhost`,
    cwd: "..",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: e2eServerEnv(),
  },
});
