/**
 * Creating an embedded database (initdb in WebAssembly) takes seconds; opening a copy of one takes one.
 * This makes one empty database per run, and each test file opens its own copy (tests/server/harness.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../server/db';

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'huashu-pglite-'));
  const template = join(root, 'template');
  const db = await openPglite(template);
  await db.close();
  project.provide('pgliteTemplate', template);
  return () => rmSync(root, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
