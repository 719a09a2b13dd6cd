import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: "unit",
    root: ".",
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
