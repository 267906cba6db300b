import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dev/ensureInstalled.js', 'node_modules/', 'static/build/', '.build/', 'coverage/', 'test-artifacts/', 'dev/host/public/', '*.js', '*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
