// One lint configuration for the whole monorepo. Style is Prettier's business (eslint-config-prettier,
// last, turns off every rule that would argue with it); ESLint looks for mistakes.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // An unused name is a mistake, except an argument or caught error a signature needs but the body does not: prefix it with _.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain CommonJS scripts run by Node as they are (the CLI's launcher, repo scripts, a bench helper).
    files: ['scripts/**/*.js', 'apps/cli/bin/**/*.js', 'bench/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: {
      // These files are CommonJS on purpose: require() is how they load anything.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The dashboard's browser scripts are served as written, without a build: classic scripts in ES5.
    files: ['apps/api/src/dashboard/public/**/*.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: globals.browser },
  },
  prettier,
);
