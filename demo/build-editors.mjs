// Bundles the rich-editor composers of the demo workbench (demo/editors/*.mjs) into demo/public/editors/, from the
// editors installed from npm. The bundles are build output (gitignored): the e2e tests build them before they start,
// and `node demo/build-editors.mjs` builds them for trying ?editor=lexical|slate|quill|tiptap by hand.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The editor families the workbench can mount, as in `?editor=NAME`. */
export const EDITORS = ['lexical', 'slate', 'quill', 'tiptap'];

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Writes demo/public/editors/NAME.js for every editor family. */
export async function buildEditors() {
  await build({
    entryPoints: Object.fromEntries(EDITORS.map((name) => [name, path.join(DEMO_DIR, 'editors', `${name}.mjs`)])),
    outdir: path.join(DEMO_DIR, 'public', 'editors'),
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    // React and Lexical pick their production builds from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

const runDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  await buildEditors();
  console.log(`Built ${EDITORS.join(', ')} into demo/public/editors/`);
}
