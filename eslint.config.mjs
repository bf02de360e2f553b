// ESLint for the whole repository (`npm run lint`, part of `npm test`, zero warnings allowed).
// Code covered by a tsconfig (packages' src and test, tools, the dataset's tests, the JSDoc-typed
// examples) gets typescript-eslint's type-aware recommended rules through the project service;
// config files, scripts and benchmarks, which no tsconfig covers, get the rules that need no types.
// Prettier owns layout, so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files a tsconfig.json covers: linted with type information. */
const TYPED = [
  'packages/*/src/**/*.ts',
  'packages/*/test/**/*.ts',
  'tools/*/src/**/*.ts',
  'tools/*/test/**/*.ts',
  'datasets/*/test/**/*.ts',
  'examples/*.mjs',
  'examples/lib/**/*.mjs',
  'examples/browser/*.{js,mjs}',
  'examples/test/**/*.mjs',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/coverage/',
      '**/.turbo/',
      'examples/out/',
      'examples/browser/dist/',
      'scratch/',
      // Fixtures are data, some of it malformed on purpose.
      '**/test/fixtures/',
      // Code generated at build time (validators compiled ahead of time).
      'packages/*/src/generated/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders in destructuring and callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: TYPED,
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Escaping control characters is what these expressions are for (messages, XML, CSV).
      'no-control-regex': 'off',
      // Async functions without await implement async interfaces on purpose: async iterables
      // written chunk by chunk, fetch and loader stubs, commands the CLI awaits uniformly.
      '@typescript-eslint/require-await': 'off',
      // Serialisers and messages stringify untrusted values after handling the object cases.
      '@typescript-eslint/no-base-to-string': 'off',
      // With noUncheckedIndexedAccess, `!` after a length or has() check is how this code says
      // "checked"; whether TypeScript already knows changes as types evolve, which would make
      // the rule churn through unrelated files. tsc still rejects a wrong assertion.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // A spread passes every item as an argument: past about 125,000 items the stack overflows
      // (issue 17). pushAll, maxOf and minOf from @claimgraph/schema loop instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement',
          message:
            'Spreading a list into push()/unshift() overflows the stack on long lists; use pushAll() from @claimgraph/schema.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'Math.max(...list) overflows the stack on long lists; use maxOf()/minOf() from @claimgraph/schema.',
        },
        {
          selector:
            "CallExpression[callee.object.name='String'][callee.property.name=/^fromC(har|odePoint)$/] > SpreadElement",
          message: 'String.fromCharCode(...list) overflows the stack on long lists; build the string in a loop.',
        },
      ],
    },
  },
  {
    // Tests parse the commands' JSON output and build hostile inputs: `any` there is the input
    // under test, and the assertions check its shape.
    files: ['**/test/**', '**/*.test.*'],
    rules: {
      // Tests evaluate the scripts a build writes, as a browser would.
      '@typescript-eslint/no-implied-eval': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Benchmarks run with --expose-gc.
    files: ['**/bench/**'],
    // Benchmarks run code in the browser too (page.evaluate).
    languageOptions: { globals: { ...globals.browser, gc: 'readonly' } },
  },
  {
    // The browser page's scripts run in a browser.
    files: ['examples/browser/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The spread rule guards code that meets users' data (packages' and tools' src). Tests,
    // benchmarks and repository scripts spread short lists of their own making.
    files: ['**/test/**', '**/*.test.*', '**/bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
