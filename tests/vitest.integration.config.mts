import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: "integration",
    root: ".",
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    // Demo mode on either database (DATABASE_URL set means production otherwise): the tests
    // use the local origin and no mail server. Production checks have their own tests.
    env: { VIGIE_MODE: process.env.VIGIE_MODE ?? "demo" },
    // Each file opens its own database (PGlite costs ~1 s and ~0.5 GB); two at a time fits 2 cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
