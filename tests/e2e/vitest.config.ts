import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension: one file at a time, generous time for the browser to start.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // CI has 2 cores: image scaling or a cold service worker can take more than a second there.
    expect: { poll: { timeout: 5_000 } },
  },
});
