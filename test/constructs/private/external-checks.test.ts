import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeExternal, EXTERNAL_FINDINGS, ExternalPack, reportedOnlyBy } from '../../../constructs/private/external-checks';
import { describePlaces, methodCalls, sourceFiles, stringLiterals } from '../../util/source-scan';
import { testStack } from '../../util/stack';

const CATALOG_FILE = 'constructs/private/external-checks.ts';
const REASON = 'A reason long enough for a reviewer to accept it, written once for every pack.';

function acknowledgedIds(scope: Construct): Record<string, string> {
  return Object.assign(
    {},
    ...scope.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data),
  );
}

describe('acknowledgeExternal', () => {
  test('acknowledges a finding under every pack that reports it, with one reason', () => {
    // GIVEN
    const scope = new Construct(testStack().stack, 'Scope');
    // WHEN
    acknowledgeExternal(scope, EXTERNAL_FINDINGS.S3_DEFAULT_ENCRYPTION_KMS, REASON);
    // THEN
    expect(acknowledgedIds(scope)).toEqual({
      'HIPAA.Security::HIPAA.Security-S3DefaultEncryptionKMS': REASON,
      'NIST.800.53.R5::NIST.800.53.R5-S3DefaultEncryptionKMS': REASON,
      'PCI.DSS.321::PCI.DSS.321-S3DefaultEncryptionKMS': REASON,
      'cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check': REASON,
    });
  });

  test('acknowledges a cdk-nag finding once per detail; cfn-guard ids carry none', () => {
    // GIVEN
    const scope = new Construct(testStack().stack, 'Scope');
    // WHEN
    acknowledgeExternal(scope, EXTERNAL_FINDINGS.IAM_WILDCARD, REASON, 'Resource::*', 'Resource::arn:<AWS::Partition>:logs:*');
    acknowledgeExternal(scope, EXTERNAL_FINDINGS.LAMBDA_INSIDE_VPC, REASON, 'ignored::by-cfn-guard');
    // THEN
    expect(Object.keys(acknowledgedIds(scope)).sort()).toEqual([
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:*]',
      'HIPAA.Security::HIPAA.Security-LambdaInsideVPC[ignored::by-cfn-guard]',
      'NIST.800.53.R5::NIST.800.53.R5-LambdaInsideVPC[ignored::by-cfn-guard]',
      'PCI.DSS.321::PCI.DSS.321-LambdaInsideVPC[ignored::by-cfn-guard]',
      'cdk-validator-cfnguard::lambda_inside_vpc_check',
    ]);
  });

  test('reportedOnlyBy keeps only the named packs', () => {
    expect(reportedOnlyBy(EXTERNAL_FINDINGS.LAMBDA_INSIDE_VPC, ExternalPack.CFN_GUARD)).toEqual({
      [ExternalPack.CFN_GUARD]: 'lambda_inside_vpc_check',
    });
  });
});

// The catalog is the only place that names an external check: a construct acknowledges through
// acknowledgeExternal(), so an id is typed once and the stale check in the conformance tests covers it.
describe('external finding ids live in the catalog only', () => {
  const files = sourceFiles('constructs').filter((f) => f !== CATALOG_FILE);
  const packPrefix = new RegExp(`(${Object.values(ExternalPack).map((p) => p.replace(/\./g, '\\.')).join('|')})(::|-[A-Z])`);
  const ruleIds = [...new Set(Object.values(EXTERNAL_FINDINGS).flatMap((f) => Object.values(f)))];

  test('the scan reads the construct sources', () => {
    expect(files).toEqual(expect.arrayContaining(['constructs/data/secure-bucket.ts', 'constructs/network/private/network-acls.ts']));
  });

  test('no construct calls Validations.of(...).acknowledge() itself', () => {
    const calls = files.flatMap((f) => methodCalls(f, 'acknowledge')).filter((c) => /^Validations\s*\.\s*of\(/.test(c.text));
    expect(describePlaces(calls)).toEqual([]);
  });

  test('no construct writes a pack-prefixed id or a catalog rule id as a literal', () => {
    const literals = files
      .flatMap((f) => stringLiterals(f))
      .filter((l) => packPrefix.test(l.text) || ruleIds.some((id) => l.text.includes(id)));
    expect(describePlaces(literals)).toEqual([]);
  });
});
