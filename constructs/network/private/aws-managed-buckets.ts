import { Aws, Annotations, CfnCondition, Fn, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Object ARNs of the AWS-owned buckets that the Amazon Linux 2023 repositories and Systems Manager
 * document as required through an S3 VPC endpoint, for the stack's Region. Sources (checked Nov 2026):
 *
 * - Amazon Linux 2023 `dnf` repositories: `al2023-repos-<region>-de612dc2` (the AL2023 mirrorlist;
 *   "Kernel Live Patching on AL2023", https://docs.aws.amazon.com/linux/al2023/ug/live-patching.html,
 *   as listed by AWS's data perimeter examples,
 *   https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies).
 * - SSM Agent: "SSM Agent communications with AWS managed S3 buckets",
 *   https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-minimum-s3-permissions.html:
 *   `aws-windows-downloads-<region>`, `amazon-ssm-<region>` (agent updates),
 *   `amazon-ssm-packages-<region>`, `<region>-birdwatcher-prod` (all Regions except af-south-1 and
 *   eu-south-1), `aws-ssm-distributor-file-<region>` (only af-south-1 and eu-south-1),
 *   `aws-ssm-document-attachments-<region>`, `patch-baseline-snapshot-<region>`, `aws-ssm-<region>`.
 *   "Create VPC endpoints" (https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html)
 *   requires the same list in the endpoint policy.
 * - Patch Manager: "Reference: Amazon S3 buckets for patching operations",
 *   https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-operations-s3-buckets.html:
 *   `aws-patch-manager-<region>-<suffix>` and the Regions whose snapshot bucket has a suffix.
 *
 * Left out on purpose: `aws-patchmanager-macos-*` (EC2 Mac instances only) and any write or list
 * action (every source grants `s3:GetObject` only). With a literal Region the list is that Region's
 * names. In an environment-agnostic stack the Region-dependent names are chosen by CloudFormation
 * conditions, and the suffixed bucket names of every documented Region are listed: each is an
 * AWS-owned bucket, and a gateway endpoint reaches only buckets in its own Region.
 */
export function awsManagedBucketArns(scope: Construct): string[] {
  const stack = Stack.of(scope);
  const region = stack.region;
  const arn = (bucket: string) => `arn:${stack.partition}:s3:::${bucket}/*`;
  const arns = [
    arn(`al2023-repos-${region}-de612dc2`),
    arn(`amazon-ssm-${region}`),
    arn(`amazon-ssm-packages-${region}`),
    arn(`aws-ssm-${region}`),
    arn(`aws-ssm-document-attachments-${region}`),
    arn(`aws-windows-downloads-${region}`),
  ];

  if (!Token.isUnresolved(region)) {
    arns.push(arn(DISTRIBUTOR_FILE_REGIONS.includes(region) ? `aws-ssm-distributor-file-${region}` : `${region}-birdwatcher-prod`));
    arns.push(arn(SUFFIXED_SNAPSHOT_BUCKETS[region] ?? `patch-baseline-snapshot-${region}`));
    const patchManager = PATCH_MANAGER_BUCKETS[region];
    if (patchManager) {
      arns.push(arn(patchManager));
    } else {
      Annotations.of(scope).addInfo(
        `the Patch Manager bucket (aws-patch-manager-${region}-<suffix>) of ${region} is not in the documented list; ` +
          'add it with s3Endpoint.addToPolicy() if you patch instances with Patch Manager',
      );
    }
    return arns;
  }

  const regionIs = (id: string, names: string[]) =>
    new CfnCondition(scope, id, {
      expression: Fn.conditionOr(...names.map((name) => Fn.conditionEquals(Aws.REGION, name))),
    });
  const distributorFileRegion = regionIs('AwsManagedBucketsDistributorFileRegion', DISTRIBUTOR_FILE_REGIONS);
  const suffixedSnapshotRegion = regionIs('AwsManagedBucketsSuffixedSnapshotRegion', Object.keys(SUFFIXED_SNAPSHOT_BUCKETS));
  arns.push(Fn.conditionIf(distributorFileRegion.logicalId, arn(`aws-ssm-distributor-file-${region}`), arn(`${region}-birdwatcher-prod`)).toString());
  arns.push(Fn.conditionIf(suffixedSnapshotRegion.logicalId, Aws.NO_VALUE, arn(`patch-baseline-snapshot-${region}`)).toString());
  arns.push(...Object.values(SUFFIXED_SNAPSHOT_BUCKETS).map(arn));
  arns.push(...Object.values(PATCH_MANAGER_BUCKETS).map(arn));
  return arns;
}

/** Regions where Distributor reads `aws-ssm-distributor-file-<region>` instead of `<region>-birdwatcher-prod`. */
const DISTRIBUTOR_FILE_REGIONS = ['af-south-1', 'eu-south-1'];

/** Patch baseline snapshot buckets whose name carries a suffix (patch-operations-s3-buckets). */
const SUFFIXED_SNAPSHOT_BUCKETS: Record<string, string> = {
  'af-south-1': 'patch-baseline-snapshot-af-south-1-tbxdb5b9',
  'ap-south-2': 'patch-baseline-snapshot-ap-south-2-50209442',
  'ap-southeast-3': 'patch-baseline-snapshot-ap-southeast-3-be0a3174',
  'ap-southeast-4': 'patch-baseline-snapshot-ap-southeast-4-dc6f76ce',
  'eu-south-2': 'patch-baseline-snapshot-eu-south-2-df2c9d70',
  'me-south-1': 'patch-baseline-snapshot-me-south-1-uduvl7q8',
};

/** Buckets with the Patch Manager documents for Linux and Windows Server, per Region (patch-operations-s3-buckets). */
const PATCH_MANAGER_BUCKETS: Record<string, string> = {
  'us-east-2': 'aws-patch-manager-us-east-2-552881074',
  'us-east-1': 'aws-patch-manager-us-east-1-1970c647d',
  'us-west-1': 'aws-patch-manager-us-west-1-8badb4304',
  'us-west-2': 'aws-patch-manager-us-west-2-34d7f99f8',
  'af-south-1': 'aws-patch-manager-af-south-1-bdd5f65a9',
  'ap-east-1': 'aws-patch-manager-ap-east-1-632356271',
  'ap-south-2': 'aws-patch-manager-ap-south-2-32f4b4128',
  'ap-southeast-3': 'aws-patch-manager-ap-southeast-3-aa48fc462',
  'ap-southeast-4': 'aws-patch-manager-ap-southeast-4-01e2c40d3',
  'ap-south-1': 'aws-patch-manager-ap-south-1-cb7c62ff9',
  'ap-northeast-3': 'aws-patch-manager-ap-northeast-3-67373598a',
  'ap-northeast-2': 'aws-patch-manager-ap-northeast-2-10467995c',
  'ap-southeast-1': 'aws-patch-manager-ap-southeast-1-7fdfd9ef7',
  'ap-southeast-2': 'aws-patch-manager-ap-southeast-2-17283a275',
  'ap-northeast-1': 'aws-patch-manager-ap-northeast-1-4849fa78f',
  'ca-central-1': 'aws-patch-manager-ca-central-1-3148e69e3',
  'ca-west-1': 'aws-patch-manager-ca-west-1-9e3a4b2f9',
  'eu-central-1': 'aws-patch-manager-eu-central-1-9163fdaaf',
  'eu-west-1': 'aws-patch-manager-eu-west-1-5522fb710',
  'eu-west-2': 'aws-patch-manager-eu-west-2-902a2bc74',
  'eu-south-1': 'aws-patch-manager-eu-south-1-c52f3f594',
  'eu-west-3': 'aws-patch-manager-eu-west-3-29bf85721',
  'eu-south-2': 'aws-patch-manager-eu-south-2-a4cf248b1',
  'eu-north-1': 'aws-patch-manager-eu-north-1-795879e9b',
  'eu-central-2': 'aws-patch-manager-eu-central-2-184ce43c8',
  'il-central-1': 'aws-patch-manager-il-central-1-e221cb57b',
  'me-south-1': 'aws-patch-manager-me-south-1-a53fc9dce',
  'me-central-1': 'aws-patch-manager-me-central-1-2932f2f80',
  'sa-east-1': 'aws-patch-manager-sa-east-1-ddf4b6a09',
};
