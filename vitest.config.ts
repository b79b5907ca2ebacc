import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores on CI machines: keep parallelism modest so PDF tests do not starve.
    maxWorkers: 2,
  },
});
