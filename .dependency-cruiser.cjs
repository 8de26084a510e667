/**
 * The dependency rules of src/ (ARCHITECTURE.md), checked by `npm test`: no cycles; the pure
 * layers import no other folder of src/; no layer imports one above it. Layers, lowest first:
 *   src/*.ts (foundation) · text/ · terms/ · markdown/ · content/ · store/ · site/ · prepare/ · output/ · cli/
 */
const LAYERS = ['text', 'terms', 'markdown', 'content', 'store', 'site', 'prepare', 'output', 'cli'];
// What each layer may import besides itself and the foundation files at the top of src/.
const MAY_IMPORT = {
  text: [],
  terms: ['text'],
  markdown: ['text'],
  content: [],
  store: ['text'],
  site: ['text', 'terms', 'markdown', 'content', 'store'],
  prepare: ['text', 'terms', 'markdown', 'content', 'store'],
  output: ['text', 'terms', 'markdown', 'content', 'store', 'site', 'prepare'],
  cli: ['text', 'terms', 'markdown', 'content', 'store', 'site', 'prepare', 'output'],
};

const layerRules = LAYERS.map((layer) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer}/ may import only ${MAY_IMPORT[layer].length ? MAY_IMPORT[layer].map((l) => `src/${l}/`).join(', ') : 'itself'} and the foundation files src/*.ts (ARCHITECTURE.md)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/[^/]+/', pathNot: [`^src/(${[layer, ...MAY_IMPORT[layer], 'types'].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A module must not reach itself through its imports, type imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'foundation-imports-no-folder',
      comment: 'The foundation files at the top of src/ (config, cores, source root, links) import no folder of src/.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.(ts|js|mjs)$' },
      to: { path: '^src/[^/]+/', pathNot: '^src/types/' },
    },
    {
      name: 'pure-layers-import-no-foundation',
      comment: 'text/, terms/ and markdown/ are pure: no foundation file either.',
      severity: 'error',
      from: { path: '^src/(text|terms|markdown)/' },
      to: { path: '^src/[^/]+\\.(ts|js|mjs)$' },
    },
    {
      name: 'pure-layers-do-no-io',
      comment: 'text/, terms/ and markdown/ do no I/O: no file system, processes, threads or network (the lexicon file is read in store/).',
      severity: 'error',
      from: { path: '^src/(text|terms|markdown)/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https|http2|dgram|cluster|module|process|os|readline|v8|vm)$',
      },
    },
    ...layerRules,
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves (a moved file left an import behind).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
