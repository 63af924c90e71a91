// ESLint flat config. Besides typescript-eslint's recommended rules it enforces mesh's layering (docs/architecture.md):
// each layer imports only the layers below it, core/ is pure (no I/O modules, no process, no console), and the heavy
// packages load only through adapters/. `npm run lint` runs it plus scripts/check-cycles.mjs (no import circles, type
// imports included); `npm test` runs lint after the type check.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins that do I/O: core/ takes what they give through ports (files, cluster, clock, prompt, progress). */
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'readline', 'readline/promises', 'process', 'console'];

/** Packages that may be loaded only inside src/adapters/ (they are slow to load or talk to the outside world). */
const ADAPTER_ONLY_PACKAGES = ['@kubernetes/client-node', 'ajv', 'ora'];

/** `import()` of an adapter-only package, for no-restricted-syntax (no-restricted-imports does not see dynamic imports). */
const ADAPTER_ONLY_DYNAMIC = `ImportExpression[source.value=/^(${ADAPTER_ONLY_PACKAGES.map((p) => p.replace('/', '\\/')).join('|')})(\\/.*)?$/]`;

/** no-restricted-imports options: the adapter-only packages, value imports only (types are free everywhere). */
const adapterOnlyPackages = ADAPTER_ONLY_PACKAGES.map((name) => ({
  name,
  message: 'load this package through src/adapters/ (docs/architecture.md); type imports are fine',
  allowTypeImports: true,
}));
const adapterOnlyPatterns = ADAPTER_ONLY_PACKAGES.map((name) => ({
  group: [`${name}/*`],
  message: 'load this package through src/adapters/ (docs/architecture.md); type imports are fine',
  allowTypeImports: true,
}));

/** One import-x/no-restricted-paths zone: files under `target` may not import from `from`. */
function zone(target, from, message) {
  return { target, from, message };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist.*/**',
      'coverage/**',
      'node_modules/**',
      'test/cluster/.cache/**',
      'test/istio/**',
      // ajv standalone validators written by scripts/build-schemas.mjs (git-ignored, never edited by hand). They
      // import ajv's runtime helper ajv/dist/runtime/ucs2length.js: the one ajv value import under core/, allowed here.
      'src/core/validate/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: globals.node,
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // the code base names intentionally unused parameters and catch bindings; keep the rule for real leftovers
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  // --- layering inside src/ -------------------------------------------------------------------------------------
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: adapterOnlyPackages, patterns: adapterOnlyPatterns }],
      'no-restricted-syntax': ['error', { selector: ADAPTER_ONLY_DYNAMIC, message: 'load this package through src/adapters/ (docs/architecture.md)' }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/adapters',
              ['./src/commands', './src/app', './src/cli.ts'],
              'adapters/ sit below commands/ and app/: move the shared type down (context.ts or core/)',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/render',
              ['./src/commands', './src/app', './src/cli.ts', './src/adapters'],
              'render/ turns models into text: it does not know the command tree, and it touches nothing outside',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/app',
              ['./src/commands', './src/cli.ts', './src/adapters'],
              "app/ use-cases reach the outside world only through the context's ports (src/context.ts), never an adapter",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/commands/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/commands', ['./src/cli.ts'], 'commands/ are data plus run(); src/cli.ts builds the program from them'),
            zone('./src/commands', ['./src/adapters'], 'commands reach the outside world through the context (src/context.ts), never an adapter'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/core',
              ['./src/adapters', './src/commands', './src/app', './src/render', './src/cli.ts', './src/context.ts'],
              'core/ is pure: it takes parsed input (and ports) as parameters and imports nothing above it',
            ),
          ],
        },
      ],
      // base rule (separate from the typescript-eslint one above so that both lists apply): no I/O built-ins, not even types
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.flatMap((m) => [m, `node:${m}`]).map((name) => ({
            name,
            message: 'core/ does no I/O: take the data, or a port from src/context.ts, as a parameter',
            // isIP & co. are pure string checks; sockets and servers are not
            ...(name.endsWith('net') ? { allowImportNames: ['isIP', 'isIPv4', 'isIPv6'] } : {}),
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ is pure: pass env, argv, time and streams in as parameters' },
        { name: 'console', message: 'core/ is pure: return diagnostics as data, the command renders them' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'globalThis', property: 'process', message: 'core/ is pure: pass env, argv, time and streams in as parameters' },
        { object: 'globalThis', property: 'console', message: 'core/ is pure: return diagnostics as data' },
      ],
    },
  },
  // --- exceptions that stay, each with its reason --------------------------------------------------------------
  {
    // the shim is CommonJS on purpose (bin/package.json): Node starts a CJS entry faster
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // tests build partial and malformed objects on purpose, and match diff and table lines whose runs of spaces
    // are the point (`/^-  maxReplicas: 5$/m` reads as the diff line it matches; `/^- {2}maxReplicas/` would not)
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-regex-spaces': 'off' },
  },
  {
    // validate rules walk schema-checked but untyped spec trees; they move to core/tree.ts's JsonObject with #8 part 3
    files: ['src/core/validate/rules/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // the YAML emitter's job is to find control characters that need quoting
    files: ['src/core/yaml/emit.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);

// ============================================================================================================
/** Import circles scripts/check-cycles.mjs tolerates: none. A new one fails `npm run lint`. */
export const KNOWN_CYCLES = [];
