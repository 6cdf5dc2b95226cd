import { CHECK_CONTROLS } from '../../../lib/evidence';
import { frameworkById } from '../../../policies/frameworks';

describe('evidence control mappings', () => {
  test.each(Object.entries(CHECK_CONTROLS))('%s maps only to controls that exist in the catalogs', (_check, controls) => {
    for (const [framework, ids] of Object.entries(controls)) {
      const catalog = frameworkById(framework);
      expect(catalog).toBeDefined();
      for (const id of ids) expect(catalog!.controls.map((c) => c.id)).toContain(id);
    }
  });
});
