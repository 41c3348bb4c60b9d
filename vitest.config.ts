import { defineConfig } from "vitest/config";

// One real Meilisearch process for the whole run (tests/support/global-setup.ts); each test file
// uses its own database file and index name, so files run in parallel.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "db/**/*.test.ts", "views/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/block-network.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
