import { EVIDENCE_ACTIONS, collectEvidence, evidencePolicyDocument } from '../../../lib/evidence';
import { bigAccount, startFakeAws, withFakeEnv } from '../../util/fake-aws';

describe('the evidence IAM policy', () => {
  test('equals the calls the collectors make (sts:GetCallerIdentity needs no permission)', async () => {
    // GIVEN an account where every call has something to return
    const state = bigAccount(3, 30);
    const fake = await startFakeAws({
      ...state,
      backupJobs: [{ id: 'b', state: 'FAILED', created: new Date() }],
      copyJobs: [{ id: 'c', state: 'COMPLETED', created: new Date() }],
    });
    try {
      // WHEN
      await withFakeEnv(fake, () => collectEvidence({ regions: ['eu-west-1'], since: new Date(Date.now() - 86_400_000) }));
      // THEN
      const called = [...fake.calls.keys()].filter((a) => a !== 'sts:GetCallerIdentity').sort();
      expect(called).toEqual([...EVIDENCE_ACTIONS]);
    } finally {
      await fake.close();
    }
  });

  test('is read-only: only List, Get and Describe actions, split by service', () => {
    const doc = evidencePolicyDocument();
    const actions = doc.Statement.flatMap((s) => s.Action);
    expect(actions.sort()).toEqual([...EVIDENCE_ACTIONS]);
    for (const a of actions) expect(a).toMatch(/^(kms|backup):(List|Get|Describe)[A-Za-z]+$/);
    expect(doc.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
  });
});
