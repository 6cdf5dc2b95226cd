// KMS evidence, for every customer-managed key of a region: state, rotation (on, and its period),
// pending deletion, multi-Region, aliases and the key policy. The key policy is recorded as a fact
// (`info`): `lib/evidence` judges it with the same rules that judge the templates.
//
// Calls: ListKeys and ListAliases (paged to the end), then per key DescribeKey, GetKeyRotationStatus
// (symmetric AWS_KMS keys only: rotation does not apply to other keys) and GetKeyPolicy.
// @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
// @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (which keys can rotate)
import {
  DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, KeyMetadata, ListAliasesCommand, ListKeysCommand,
} from '@aws-sdk/client-kms';
import { RegionContext, call, listAll, notCollected, observe, regionScope } from './context';


const TITLES = {
  keys: 'KMS keys can be listed',
  aliases: 'KMS aliases can be listed',
  metadata: 'KMS key metadata (state, spec, multi-Region)',
  deletion: 'KMS customer-managed keys are not pending deletion',
  rotation: 'KMS customer-managed keys rotate',
  policy: 'KMS key policy (judged by the template rules)',
};

/** Collect KMS evidence for one region. Keys that are AWS-managed are skipped (they are not ours to judge). */
export async function collectKms(ctx: RegionContext, kms: KMSClient): Promise<void> {
  const [keys, aliases] = await Promise.all([
    listAll(ctx, (Marker) => kms.send(new ListKeysCommand({ Limit: 1000, Marker })), (r) => r.Keys, (r) => (r.Truncated ? r.NextMarker : undefined)),
    listAll(ctx, (Marker) => kms.send(new ListAliasesCommand({ Limit: 100, Marker })), (r) => r.Aliases, (r) => (r.Truncated ? r.NextMarker : undefined)),
  ]);
  if (!keys.ok) {
    notCollected(ctx, 'kms.Keys', TITLES.keys, regionScope(ctx, 'kms'), 'kms:ListKeys', keys);
    return;
  }
  const aliasesOf = new Map<string, { names: string[]; requestId: string | null }>();
  if (aliases.ok) {
    for (const { item, requestId } of aliases.items) {
      if (!item.TargetKeyId || !item.AliasName) continue;
      const entry = aliasesOf.get(item.TargetKeyId) ?? { names: [], requestId };
      entry.names.push(item.AliasName);
      aliasesOf.set(item.TargetKeyId, entry);
    }
  }
  await Promise.all(keys.items.map(async ({ item }) => {
    const keyId = item.KeyId!;
    const subject = item.KeyArn ?? keyId;
    const described = await call(ctx, () => kms.send(new DescribeKeyCommand({ KeyId: keyId })));
    if (!described.ok) {
      notCollected(ctx, 'kms.KeyMetadata', TITLES.metadata, subject, 'kms:DescribeKey', described);
      notCollected(ctx, 'kms.PendingDeletion', TITLES.deletion, subject, 'kms:DescribeKey', described);
      return;
    }
    const meta: KeyMetadata = described.value.KeyMetadata ?? { KeyId: keyId };
    if (meta.KeyManager !== 'CUSTOMER') return;
    const arn = meta.Arn ?? subject;
    observe(ctx, {
      check: 'kms.KeyMetadata', status: 'info', title: TITLES.metadata, subject: arn, operation: 'kms:DescribeKey', requestId: described.requestId,
      message: `${meta.KeyState}, ${meta.KeySpec} ${meta.KeyUsage}, origin ${meta.Origin}${meta.MultiRegion ? `, multi-Region ${meta.MultiRegionConfiguration?.MultiRegionKeyType ?? ''}`.trimEnd() : ', single-Region'}`,
      observed: metadataFacts(meta),
    });
    const pending = meta.KeyState === 'PendingDeletion' || meta.KeyState === 'PendingReplicaDeletion';
    observe(ctx, {
      check: 'kms.PendingDeletion', status: pending ? 'fail' : 'pass', title: TITLES.deletion, subject: arn, operation: 'kms:DescribeKey', requestId: described.requestId,
      message: pending ? `the key is ${meta.KeyState}${meta.DeletionDate ? ` and will be deleted on ${iso(meta.DeletionDate)}` : ''}` : `the key is ${meta.KeyState}, not pending deletion`,
      observed: { KeyState: meta.KeyState, DeletionDate: iso(meta.DeletionDate), PendingDeletionWindowInDays: meta.PendingDeletionWindowInDays ?? null },
    });
    const alias = aliasesOf.get(keyId);
    observe(ctx, aliases.ok
      ? {
        check: 'kms.Aliases', status: 'info', title: 'KMS key aliases', subject: arn, operation: 'kms:ListAliases', requestId: alias?.requestId ?? aliases.requestIds[0] ?? null,
        message: alias ? `aliases: ${alias.names.join(', ')}` : 'the key has no alias', observed: { Aliases: alias?.names ?? [] },
      }
      : { check: 'kms.Aliases', status: 'not-collected', title: 'KMS key aliases', subject: arn, operation: 'kms:ListAliases', requestId: aliases.requestId, observed: null, message: `not collected: ${aliases.reason}`, reason: aliases.reason });

    const rotates = meta.KeySpec === 'SYMMETRIC_DEFAULT' && meta.Origin === 'AWS_KMS' && !pending;
    const [rotation, policy] = await Promise.all([
      rotates ? call(ctx, () => kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))) : Promise.resolve(undefined),
      call(ctx, () => kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))),
    ]);
    if (rotation === undefined) {
      observe(ctx, {
        check: 'kms.KeyRotation', status: 'info', title: TITLES.rotation, subject: arn, operation: 'kms:DescribeKey', requestId: described.requestId,
        message: pending ? 'not judged: the key is pending deletion' : `automatic rotation does not apply to ${meta.KeySpec} keys of origin ${meta.Origin}`,
        observed: { KeySpec: meta.KeySpec, Origin: meta.Origin, KeyState: meta.KeyState },
      });
    } else if (!rotation.ok) {
      notCollected(ctx, 'kms.KeyRotation', TITLES.rotation, arn, 'kms:GetKeyRotationStatus', rotation);
    } else {
      const on = rotation.value.KeyRotationEnabled === true;
      const days = rotation.value.RotationPeriodInDays;
      observe(ctx, {
        check: 'kms.KeyRotation', status: on ? 'pass' : 'fail', title: TITLES.rotation, subject: arn, operation: 'kms:GetKeyRotationStatus', requestId: rotation.requestId,
        message: on ? `automatic rotation is on, every ${days ?? 365} days` : 'automatic rotation is off',
        observed: { KeyRotationEnabled: on, RotationPeriodInDays: days ?? null, NextRotationDate: iso(rotation.value.NextRotationDate) },
      });
    }
    if (!policy.ok) {
      notCollected(ctx, 'kms.KeyPolicy', TITLES.policy, arn, 'kms:GetKeyPolicy', policy);
    } else {
      let parsed: unknown = policy.value.Policy;
      try {
        parsed = JSON.parse(policy.value.Policy ?? '');
      } catch {
        // kept as text: the rules fail closed on a policy they cannot read
      }
      observe(ctx, {
        check: 'kms.KeyPolicy', status: 'info', title: TITLES.policy, subject: arn, operation: 'kms:GetKeyPolicy', requestId: policy.requestId,
        message: 'key policy read', observed: { Policy: parsed, ...metadataFacts(meta), ...rotationFacts(rotation) },
      });
    }
  }));
}

function metadataFacts(meta: KeyMetadata): Record<string, unknown> {
  return {
    KeyId: meta.KeyId, KeyState: meta.KeyState, Enabled: meta.Enabled ?? null, KeySpec: meta.KeySpec, KeyUsage: meta.KeyUsage, Origin: meta.Origin,
    MultiRegion: meta.MultiRegion ?? false, MultiRegionKeyType: meta.MultiRegionConfiguration?.MultiRegionKeyType ?? null, CreationDate: iso(meta.CreationDate),
  };
}

function rotationFacts(rotation: Awaited<ReturnType<typeof call<{ KeyRotationEnabled?: boolean; RotationPeriodInDays?: number; $metadata: { requestId?: string } }>>> | undefined): Record<string, unknown> {
  if (rotation === undefined || !rotation.ok) return {};
  return { KeyRotationEnabled: rotation.value.KeyRotationEnabled === true, RotationPeriodInDays: rotation.value.RotationPeriodInDays ?? null };
}

function iso(d: Date | undefined): string | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}
