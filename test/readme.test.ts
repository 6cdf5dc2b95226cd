import * as fs from 'fs';
import * as path from 'path';
import { FRAMEWORKS } from '../policies/frameworks';
import { buildReadme, frameworkPage, frameworkPagePath } from '../scripts/build-readme';

describe('README', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

  test('is current with docs/readme and the generated tables (run npm run readme)', () => {
    expect(readme).toEqual(buildReadme());
  });

  test.each(FRAMEWORKS.map((f) => [f.id, f]))('docs/frameworks/%s.md is current with the catalog and the rules', (_id, framework) => {
    expect(fs.readFileSync(frameworkPagePath(framework), 'utf8')).toEqual(frameworkPage(framework));
  });

  test('gives the two fresh-machine commands', () => {
    expect(readme).toContain('npm ci && npm run synth');
    expect(readme).toContain('npm test');
  });

  test('.ci/run runs the README commands', () => {
    const ci = fs.readFileSync(path.join(__dirname, '..', '.ci', 'run'), 'utf8');
    for (const cmd of ['npm ci', 'npm run lint', 'npm run synth', 'npm test']) expect(ci).toContain(cmd);
  });
});
