import * as os from 'os';
import * as path from 'path';
import { testStack } from './stack';

describe('test temp root', () => {
  test('synthesized assemblies go under the run\'s temp root, which global teardown removes', () => {
    // GIVEN
    const root = process.env.CSB_TEST_TMP_ROOT;
    const { app } = testStack();
    // WHEN
    const assembly = app.synth();
    // THEN
    expect(root).toMatch(/csb-jest-/);
    expect(os.tmpdir()).toBe(root);
    expect(path.relative(root!, assembly.directory).startsWith('..')).toBe(false);
  });
});
