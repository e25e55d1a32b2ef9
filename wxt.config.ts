import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { adapterMatches, LOCAL_DEMO_MATCHES } from './lib/pages/matches';
import { JUMP_COMMAND } from './lib/waiting/jump';
import { ICON_SIZES, renderIcons } from './scripts/icons';

/**
 * The public half of Huashu's extension key: an unpacked Chromium build always gets the ID
 * agipblkcpilibbmifecdajegbgphhnfh, wherever its folder is (enterprise policy and the e2e tests name the
 * extension by ID). The store zip leaves it out: the Chrome Web Store refuses a `key` and assigns its own; once
 * the listing exists, replace this with the dashboard's public key so unpacked builds share the store's ID.
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2XbJ5+/rMn9A4ujC8OVxb1PGSwvncZrettthaJzbKwq3mj7ttzLyBxIjEvvm66m/Mxfw98Mv7iwsUmkpz3enpVtT2Ds/LC3rLD+d48RjfjbrTMJ+n2TRxGxF+DXhAafTE9N2+FaSsEooHJelLbWtFz7OMt5GfiZdg4LxCpMO8uLXK4+BzHBcfWMLjVvdXIBpqPA1YH1r3y/D2iyewH201Ox8BSLfC759vu29uCT62p0yqxD5U2COIi240jnQF2+QuIo+BDJtPe4mTsw4H7MJ7o0Y1qYQIkRE/pghUuhI09W/dJjr2e7LA/VnlB7oLVjF0ojAhftWPvJ68OBakV7OVQIDAQAB';

/** The bundled demo workbench's hosts; only non-production builds (`npm run build`, `wxt` dev) run there. */
const isLocalDemo = (pattern: string) => LOCAL_DEMO_MATCHES.includes(pattern);

/** icons/16.png … icons/128.png, as the manifest names the PNGs the build:publicAssets hook renders. */
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

// Host permissions are exactly the chat pages an adapter supports; nothing else. The production build
// (`wxt build`, `npm run zip`) drops the local demo host; `npm run build` (mode "demo") keeps it for the
// workbench, the e2e tests and the bench. That script sets NODE_ENV=production: a mode other than "production"
// would otherwise compile JSX for development (file names and line numbers in every element), so the tests and
// the bench would run heavier code than agents get.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  manifest: ({ browser, mode }) => ({
    ...(browser !== 'firefox' && { key: EXTENSION_KEY }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    host_permissions:
      mode === 'production' ? adapterMatches.filter((pattern) => !isLocalDemo(pattern)) : adapterMatches,
    // storage: read the reply pack an admin pushes through enterprise policy (storage.managed).
    // alarms: wakes the worker to retry a feedback webhook delivery after a long backoff.
    // scripting: after an update, attaches the new content script to chat tabs that were already open.
    permissions: ['storage', 'alarms', 'scripting'],
    // Asked for one origin at a time, at run time, never at install: the feedback webhook's when the admin saves its
    // URL, and each chat page's the admin adds (添加聊天页面), where Huashu then registers its content script.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Firefox's MV2 manifest has no optional_host_permissions: there the same origins are optional permissions.
    ...(browser === 'firefox' && { optional_permissions: ['https://*/*', 'http://*/*'] }),
    storage: { managed_schema: 'managed-schema.json' },
    // The toolbar icon carries the page check's badge for each chat tab.
    icons,
    action: { default_title: '__MSG_extName__', default_icon: icons },
    // Alt+J opens the longest-waiting conversation; agents can rebind it at chrome://extensions/shortcuts.
    commands: {
      [JUMP_COMMAND]: { suggested_key: { default: 'Alt+J' }, description: '__MSG_jumpCommand__' },
    },
    // Firefox wants a stable add-on id and, since November 2025, a data-collection statement: Huashu collects nothing.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'huashu@huashu.local', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  // `npm run zip`: .output/huashu-<version>-chrome.zip (Chrome Web Store and Edge Add-ons), -firefox.zip, and
  // -sources.zip, which AMO's reviewers rebuild from (npm ci && npm run build:firefox). The version is package.json's.
  zip: {
    excludeSources: ['assets/store/**', 'assets/screenshot.png', 'tests/**', 'demo-output/**'],
  },
  hooks: {
    // The content script lists every adapter's pages (entrypoints/content); a production build runs on the
    // real chat pages only. Firefox's MV2 manifest carries the host patterns as permissions.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = script.matches?.filter((pattern) => !isLocalDemo(pattern));
      }
      if (manifest.permissions) manifest.permissions = manifest.permissions.filter((entry) => !isLocalDemo(entry));
    },
    // The store refuses a manifest with a `key`: the zipped build goes without it.
    'zip:extension:start': (wxt) => {
      const path = resolve(wxt.config.outDir, 'manifest.json');
      const { key: _storeAssignsItsOwn, ...manifest } = JSON.parse(readFileSync(path, 'utf8'));
      writeFileSync(path, JSON.stringify(manifest));
    },
    // The PNGs are drawn from assets/icon/huashu.svg into .wxt/ and copied like public files.
    'build:publicAssets': (wxt, files) => {
      for (const { relativeDest, absoluteSrc } of renderIcons(wxt.config.wxtDir))
        files.push({ relativeDest, absoluteSrc });
    },
  },
});
