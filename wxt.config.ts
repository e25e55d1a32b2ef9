import { defineConfig } from 'wxt';
import { adapterMatches } from './lib/pages/matches';
import { JUMP_COMMAND } from './lib/waiting/jump';

// Host permissions are exactly the chat pages an adapter supports; nothing else.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    host_permissions: adapterMatches,
    // storage: read the reply pack an admin pushes through enterprise policy (storage.managed).
    // alarms: wakes the worker to retry a feedback webhook delivery after a long backoff.
    // scripting: after an update, attaches the new content script to chat tabs that were already open.
    permissions: ['storage', 'alarms', 'scripting'],
    // The feedback webhook's origin is asked for when the admin saves its URL, not at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Firefox's MV2 manifest has no optional_host_permissions: there the same origins are optional permissions.
    ...(browser === 'firefox' && { optional_permissions: ['https://*/*', 'http://*/*'] }),
    storage: { managed_schema: 'managed-schema.json' },
    // The toolbar icon carries the page check's badge for each chat tab.
    action: { default_title: '__MSG_extName__' },
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
});
