import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // both cores: vitest's default leaves one free, and the suite then runs one file at a time here
    maxWorkers: 2,
  },
});
