// Lint: typescript-eslint + import order/boundaries. The import boundaries encode DESIGN.md's layout:
// lib imports nothing in-repo; constructs and policies import lib only; rules never import constructs.
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'cdk.out/**', 'assets/**', 'scratch/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/member-ordering': 'error',
      'import/order': ['error', { groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'], alphabetize: { order: 'asc', caseInsensitive: true } }],
      'import/no-extraneous-dependencies': ['error', { devDependencies: ['test/**', 'scripts/**', 'bin/**', 'constructs/**/handlers/**'], peerDependencies: true }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib', from: ['./constructs', './policies', './bin', './index.ts'], message: 'lib imports nothing else in the repo' },
            { target: './constructs', from: ['./policies', './bin', './index.ts'], message: 'constructs import lib only' },
            { target: './policies', from: ['./constructs', './bin', './index.ts'], message: 'policies import lib only; rules never import constructs' },
            // Handlers are bundled on their own by esbuild: from the repo they may import only the runtime
            // helpers in lib/lambda (node built-ins only), which esbuild bundles in. `target` is a glob of
            // the files (a bare directory glob would match no file).
            { target: './constructs/**/handlers/**', from: ['./constructs', './policies', './bin', './index.ts'], message: 'handlers import only the AWS SDK v3, node built-ins and lib/lambda' },
            { target: './constructs/**/handlers/**', from: './lib', except: ['./lambda'], message: 'handlers import only the AWS SDK v3, node built-ins and lib/lambda' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='fromLookup']", message: 'fromLookup needs credentials; synth must stay offline' },
      ],
    },
  },
  {
    files: ['constructs/**/*.ts', 'policies/**/*.ts'],
    ignores: ['**/handlers/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: 'throw BaselineValidationError (lib/errors.ts) so the message names the prop, value and fix' },
        { selector: "Literal[value=/arn:aws(-cn|-us-gov)?:/]", message: 'no literal partition: use Aws.PARTITION / Stack.of(this).partition (as @cdklabs/eslint-plugin no-literal-partition, whose eslint peer range excludes eslint 9)' },
        { selector: "TemplateElement[value.raw=/arn:aws(-cn|-us-gov)?:/]", message: 'no literal partition: use Aws.PARTITION / Stack.of(this).partition' },
        { selector: "CallExpression[callee.property.name='fromLookup']", message: 'fromLookup needs credentials; synth must stay offline' },
      ],
    },
  },
);
