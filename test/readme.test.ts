import * as fs from 'fs';
import * as path from 'path';
import { FRAMEWORKS } from '../policies/frameworks';
import { buildReadme, frameworkPage, frameworkPagePath, WEAKENING_CONSTRUCTS } from '../scripts/build-readme';

describe('README', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

  test('is current with docs/readme and the generated tables (run npm run readme)', () => {
    expect(readme).toEqual(buildReadme());
  });

  test.each(FRAMEWORKS.map((f) => [f.id, f]))('docs/frameworks/%s.md is current with the catalog and the rules', (_id, framework) => {
    expect(fs.readFileSync(frameworkPagePath(framework), 'utf8')).toEqual(frameworkPage(framework));
  });

  test.each(WEAKENING_CONSTRUCTS)('shows the "Weakening a default" table of %s (generated from the registry)', (construct) => {
    expect(readme).toContain(`<!-- generated:weakenings:${construct} (do not edit; npm run readme) -->`);
  });

  test('gives the two fresh-machine commands', () => {
    expect(readme).toContain('npm ci && npm run synth');
    expect(readme).toContain('npm test');
  });

  // The package is not on the npm registry: the README installs the tarball npm pack writes
  // (scripts/pack-smoke.sh runs that command in a fresh project).
  test('installs the packed tarball of this version with the peer ranges, never from the registry', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(readme).not.toMatch(/^npm install cdk-security-baseline\b/m);
    const peers = Object.entries<string>(pkg.peerDependencies).map(([name, range]) => `${name}@${range}`);
    expect(readme).toContain(`npm install ../cdk-security-baseline/cdk-security-baseline-${pkg.version}.tgz ${peers.join(' ')}`);
    expect(readme).toContain('npm ci && npm pack');
  });

  test('.ci/run runs the README commands', () => {
    const ci = fs.readFileSync(path.join(__dirname, '..', '.ci', 'run'), 'utf8');
    for (const cmd of ['npm ci', 'npm run lint', 'npm run synth', 'npm test']) expect(ci).toContain(cmd);
  });
});
