// typescript-eslint's recommended rules over the project's code (npm test runs them).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist.tmp-*/',
      '_site/',
      '_site.*/',
      '.cache/',
      'tests/.tmp/',
      'scripts/tmp/',
      'scripts/bare-eleventy/',
      'scripts/hugo-site/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // The text rules match control characters and Arabic combining marks in classes on purpose.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
