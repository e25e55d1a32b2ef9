/**
 * The arrows of the code, checked in `npm test` (dependency-cruiser): entrypoints → services → pure lib → types.
 * Type-only imports count too: a circle of types still ties two modules together.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle means two modules can only be understood, changed and tested together.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-never-imports-entrypoints',
      severity: 'error',
      comment: 'lib/ holds the services and pure modules; the entrypoints wire them, never the other way round.',
      from: { path: '^(lib|components)/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'components-are-pure-views',
      severity: 'error',
      comment:
        'Components render what they are given: they may import lib types and the constants beside them, never lib code.',
      from: { path: '^components/' },
      to: { path: '^lib/', pathNot: '/types\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-core',
      severity: 'error',
      comment: 'The engine, intents, orders and solutions are functions of their inputs: no storage, DOM or browser.',
      from: { path: '^lib/(engine|intents|orders|solutions)/' },
      to: {
        path: '^(lib/(store|messages|adapters|feedback|stats|waiting|service|pages)/|entrypoints/|node_modules/(wxt|webextension-polyfill|idb)/)',
      },
    },
    {
      name: 'stores-below-services',
      severity: 'error',
      comment: 'Services use the stores; a store never calls a service.',
      from: { path: '^lib/(store|feedback|stats)/' },
      to: { path: '^lib/service/' },
    },
    {
      name: 'background-loads-no-page-code',
      severity: 'error',
      comment: 'Only a content script touches a host page: the background and the options page read page data only.',
      from: { path: '^(entrypoints/(background|options|popup)|lib/(messages|store|service|feedback|stats))/' },
      to: { path: '^lib/adapters/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
  },
};
