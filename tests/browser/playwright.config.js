// Playwright for the dashboard: Debian's Chromium, headless, one worker
// (2 cores, and the API and PostgreSQL share them), against the server of
// the HTTP suites (LAKMOES_TEST_URL).
const { defineConfig } = require("@playwright/test");

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.js$/,
  workers: 1,
  timeout: 60000,
  reporter: [["list"]],
  outputDir: (process.env.ARTEFACTS || "/tmp") + "/playwright",
  use: {
    baseURL: process.env.LAKMOES_TEST_URL || "http://127.0.0.1:8080",
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: "nl-NL",
    launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] },
  },
});
