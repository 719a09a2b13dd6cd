import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: "unit",
    root: ".",
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Demo mode on either database (DATABASE_URL set means production otherwise): the tests
    // use the local origin and no mail server. Production checks have their own tests.
    env: { VIGIE_MODE: process.env.VIGIE_MODE ?? "demo" },
  },
});
