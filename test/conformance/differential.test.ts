// Differential test: every finding that cdk-nag's four packs or the cfn-guard Control Tower rules raise
// on our fixtures has an equivalent rule of ours that fails on the same resource, or is listed below as
// deliberately not covered, with the reason.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { addExternalChecks, createApp } from '../../bin/app';
import { ResultStatus, evaluate } from '../../lib/engine';
import { PLUGIN_NAME } from '../../policies/packs';
import { RULES } from '../../policies/rules';
import { RECOMMENDED_CONTEXT, TEST_ENV, cdkJsonContext } from '../util/stack';
import { insecureResources } from './differential-fixtures';

const guardDir = path.join(path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')), 'rules', 'control-tower', 'cfn-guard');

/** cfn-guard reports a guard rule's name (s3_bucket_level_public_access_prohibited_check); its control is the file's CT id. */
const GUARD_RULE_TO_CONTROL: Record<string, string> = (() => {
  const map: Record<string, string> = {};
  for (const service of fs.readdirSync(guardDir)) {
    for (const file of fs.readdirSync(path.join(guardDir, service))) {
      const m = /^ct-([a-z0-9]+)-pr-(\d+)\.guard$/.exec(file);
      if (!m) continue;
      const text = fs.readFileSync(path.join(guardDir, service, file), 'utf8');
      for (const r of text.matchAll(/^rule ([a-z0-9_]+) when is_cfn_template/gm)) map[r[1]] = `CT.${m[1].toUpperCase()}.PR.${m[2]}`;
    }
  }
  return map;
})();

/** The external id of a reported finding: cdk-nag's rule name (granular suffix dropped) or cfn-guard's CT id. */
function externalId(pluginName: string, ruleName: string): { tool: 'cdk-nag' | 'cfn-guard'; ruleId: string } | undefined {
  if (pluginName === PLUGIN_NAME) return undefined;
  if (pluginName === 'cdk-validator-cfnguard') return { tool: 'cfn-guard', ruleId: GUARD_RULE_TO_CONTROL[ruleName] ?? ruleName };
  return { tool: 'cdk-nag', ruleId: ruleName.replace(/\[.*\]$/, '') };
}

/** External rule ids we do not mirror, and why. Each must still be raised on a fixture (no stale entries). */
export const DELIBERATELY_NOT_COVERED: readonly { id: string; on?: RegExp; reason: string }[] = [
  {
    id: 'AwsSolutions-IAM4',
    on: /Backup(Backup|RestoreTest)Role|IdentityAdminRole|IdentitySupportRole/,
    reason: 'AWS managed policies are what AWS documents for these roles: AWSBackupServiceRolePolicyForBackup/ForRestores on the AWS Backup roles, AWSSupportAccess on the CIS 1.17 support role, AdministratorAccess on the MFA-gated break-glass admin role; a copy would not follow AWS updates',
  },
  {
    id: 'AwsSolutions-IAM5',
    on: /AuditTrailLogsPolicy|BastionSessionManagerPolicy|MfaGroupMfaPolicy|PasswordPolicyHandlerPolicy/,
    reason: 'Wildcards AWS requires: iam:UpdateAccountPasswordPolicy, the ssmmessages channel actions and iam:ListVirtualMFADevices have no resource-level permissions (Resource *), the MFA deny uses NotAction on *, and CloudTrail log streams and instances are named at runtime (log-stream:<account>_CloudTrail_*, instance/*); IAM.NoWildcardServiceActions and IAM.NoAdminPolicy judge the actions',
  },
  {
    id: 'AwsSolutions-VPC3',
    reason: 'AwsSolutions-VPC3 is a reminder that flags every NACL and entry because NACLs are in use at all; we use NACLs on purpose (CIS 5.1, deny admin ports), judged by EC2.SubnetNetworkAcl and EC2.NetworkAclNoAdminIngress',
  },
  {
    id: 'HIPAA.Security-CloudWatchLogGroupRetentionPeriod',
    on: /^PlainLogGroup$/,
    reason: 'A log group without RetentionInDays never expires; Logs.RetentionPeriod treats that as compliant, because CIS, PCI DSS and HIPAA ask for a minimum retention (365 days), not an expiry',
  },
  {
    id: 'HIPAA.Security-EC2InstancesInVPC',
    on: /BastionInstance/,
    reason: 'EC2-Classic was retired in 2023, so every instance launches in a VPC; cdk-nag reads only the top-level SubnetId, and the Bastion sets its private subnet in NetworkInterfaces[0].SubnetId',
  },
  {
    id: 'HIPAA.Security-LambdaInsideVPC',
    reason: 'Functions in a VPC: the deploy-time custom-resource handlers (and a plain function calling only AWS APIs) run outside a VPC on purpose; a VPC would need endpoints or NAT to reach AWS and answer CloudFormation, and adds no control over the IAM-authorised API calls',
  },
  {
    id: 'HIPAA.Security-S3DefaultEncryptionKMS',
    on: /AccessLogs/,
    reason: 'The S3 server access log target must use SSE-S3 (S3 does not deliver access logs to an SSE-KMS bucket), so S3.KmsCmkEncryption is not applicable to it and S3.LogBucketSseS3 judges it instead',
  },
  {
    id: 'NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod',
    on: /^PlainLogGroup$/,
    reason: 'A log group without RetentionInDays never expires; Logs.RetentionPeriod treats that as compliant, because CIS, PCI DSS and HIPAA ask for a minimum retention (365 days), not an expiry',
  },
  {
    id: 'NIST.800.53.R5-EC2InstancesInVPC',
    on: /BastionInstance/,
    reason: 'EC2-Classic was retired in 2023, so every instance launches in a VPC; cdk-nag reads only the top-level SubnetId, and the Bastion sets its private subnet in NetworkInterfaces[0].SubnetId',
  },
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason: 'Functions in a VPC: the deploy-time custom-resource handlers (and a plain function calling only AWS APIs) run outside a VPC on purpose; a VPC would need endpoints or NAT to reach AWS and answer CloudFormation, and adds no control over the IAM-authorised API calls',
  },
  {
    id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    on: /AccessLogs/,
    reason: 'The S3 server access log target must use SSE-S3 (S3 does not deliver access logs to an SSE-KMS bucket), so S3.KmsCmkEncryption is not applicable to it and S3.LogBucketSseS3 judges it instead',
  },
  {
    id: 'PCI.DSS.321-CloudWatchLogGroupRetentionPeriod',
    on: /^PlainLogGroup$/,
    reason: 'A log group without RetentionInDays never expires; Logs.RetentionPeriod treats that as compliant, because CIS, PCI DSS and HIPAA ask for a minimum retention (365 days), not an expiry',
  },
  {
    id: 'PCI.DSS.321-EC2InstancesInVPC',
    on: /BastionInstance/,
    reason: 'EC2-Classic was retired in 2023, so every instance launches in a VPC; cdk-nag reads only the top-level SubnetId, and the Bastion sets its private subnet in NetworkInterfaces[0].SubnetId',
  },
  {
    id: 'PCI.DSS.321-LambdaInsideVPC',
    reason: 'Functions in a VPC: the deploy-time custom-resource handlers (and a plain function calling only AWS APIs) run outside a VPC on purpose; a VPC would need endpoints or NAT to reach AWS and answer CloudFormation, and adds no control over the IAM-authorised API calls',
  },
  {
    id: 'PCI.DSS.321-S3DefaultEncryptionKMS',
    on: /AccessLogs/,
    reason: 'The S3 server access log target must use SSE-S3 (S3 does not deliver access logs to an SSE-KMS bucket), so S3.KmsCmkEncryption is not applicable to it and S3.LogBucketSseS3 judges it instead',
  },
  {
    id: 'HIPAA.Security-LambdaDLQ',
    reason: 'A dead-letter queue applies only to asynchronous invocations; whether a function is invoked asynchronously is not in its template (custom-resource handlers are invoked synchronously by CloudFormation), so failure handling is the design of the caller, not a template property we can judge',
  },
  {
    id: 'HIPAA.Security-LambdaConcurrency',
    reason: 'Reserved concurrency is capacity tuning, not a security control: reserving it on every function carves up the unreserved pool of the account and can throttle others; a one-shot custom-resource handler needs none',
  },
  {
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason: 'A dead-letter queue applies only to asynchronous invocations; whether a function is invoked asynchronously is not in its template (custom-resource handlers are invoked synchronously by CloudFormation), so failure handling is the design of the caller, not a template property we can judge',
  },
  {
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason: 'Reserved concurrency is capacity tuning, not a security control: reserving it on every function carves up the unreserved pool of the account and can throttle others; a one-shot custom-resource handler needs none',
  },
  {
    id: 'HIPAA.Security-IAMGroupHasUsers',
    on: /MfaGroup/,
    reason: 'Group membership is a runtime, process matter: MfaEnforcedGroup is created empty on purpose and people are added by the joiner process of the account (or come through IAM Identity Center); an empty group grants nothing',
  },
  {
    id: 'PCI.DSS.321-IAMGroupHasUsers',
    on: /MfaGroup/,
    reason: 'Group membership is a runtime, process matter: MfaEnforcedGroup is created empty on purpose and people are added by the joiner process of the account (or come through IAM Identity Center); an empty group grants nothing',
  },
  {
    id: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW',
    on: /PublicSubnet\d+DefaultRoute/,
    reason: 'cdk-nag flags every 0.0.0.0/0 route to an internet gateway, but that route is what makes a subnet public: the public tier holds only the NAT gateways, its exposure is judged by EC2.SubnetNoAutoPublicIp, the NACL and security-group rules',
  },
  {
    id: 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW',
    on: /PublicSubnet\d+DefaultRoute/,
    reason: 'cdk-nag flags every 0.0.0.0/0 route to an internet gateway, but that route is what makes a subnet public: the public tier holds only the NAT gateways, its exposure is judged by EC2.SubnetNoAutoPublicIp, the NACL and security-group rules',
  },
  {
    id: 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW',
    on: /PublicSubnet\d+DefaultRoute/,
    reason: 'cdk-nag flags every 0.0.0.0/0 route to an internet gateway, but that route is what makes a subnet public: the public tier holds only the NAT gateways, its exposure is judged by EC2.SubnetNoAutoPublicIp, the NACL and security-group rules',
  },
  {
    id: 'CT.CLOUDWATCH.PR.2',
    on: /^PlainLogGroup$/,
    reason: 'Control Tower wants a retention period set; Logs.RetentionPeriod treats "never expire" as compliant, because CIS, PCI DSS and HIPAA ask for a minimum retention (365 days), not an expiry',
  },
  {
    id: 'CT.EC2.PR.19',
    reason: 'Nitro encryption in transit is a property of the instance family; the list of qualifying families changes with every launch, so we do not mirror it (Bastion defaults to a Nitro c7g type)',
  },
  {
    id: 'CT.GUARDDUTY.PR.1',
    reason: 'It reads only the deprecated DataSources.S3Logs; GuardDuty.S3Protection judges the Features form that GuardDuty documents today, which our ThreatDetection uses',
  },
  {
    id: 'CT.LAMBDA.PR.3',
    reason: 'Functions in a VPC: the deploy-time custom-resource handlers run outside a VPC on purpose (they call only AWS APIs and a VPC would need endpoints or NAT to answer CloudFormation)',
  },
  {
    id: 'CT.S3.PR.10',
    on: /AccessLogs/,
    reason: 'The S3 server access log target must use SSE-S3 (S3 does not deliver logs to an SSE-KMS bucket with a CMK), so S3.KmsCmkEncryption is not applicable to it and S3.LogBucketSseS3 judges it instead',
  },
  {
    id: 'CT.S3.PR.2',
    on: /AccessLogs/,
    reason: 'Access logging of the access-log bucket itself would log into itself or need another bucket without end; S3.AccessLogging is not applicable to a log target',
  },
  {
    id: 'CT.S3.PR.9',
    on: /AccessLogs/,
    reason: 'Object Lock on an S3 server access log target blocks log delivery, so S3.ObjectLock is not applicable to it',
  },
];

const notCovered = (f: ExternalFinding) => DELIBERATELY_NOT_COVERED.find((d) => d.id === f.ruleId && (!d.on || d.on.test(f.logicalId)));

/** Logical id of each resource by its construct path (`aws:cdk:path`); cdk-nag reports construct paths only. */
function logicalIdsByPath(templates: unknown[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of templates as any[]) {
    for (const [id, r] of Object.entries<any>(t.Resources ?? {})) {
      const p = r.Metadata?.['aws:cdk:path'];
      if (typeof p === 'string') {
        map.set(p, id);
        map.set(p.replace(/\/Resource$/, ''), id);
      }
    }
  }
  return map;
}

interface ExternalFinding {
  readonly tool: 'cdk-nag' | 'cfn-guard';
  readonly ruleId: string;
  readonly stack: string;
  readonly logicalId: string;
}

/** Synthesize the fixtures with the external checks and collect every finding (open and acknowledged). */
function externalFindings(): { findings: ExternalFinding[]; templates: Record<string, unknown> } {
  process.env.CDK_VALIDATION = 'false';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'differential-'));
  try {
    const app = new App({ outdir, context: { ...RECOMMENDED_CONTEXT, '@aws-cdk/core:validationReportJson': true, 'aws:cdk:enable-path-metadata': true } });
    insecureResources(new Stack(app, 'Insecure', { env: TEST_ENV }));
    addExternalChecks(app);
    try {
      app.synth();
    } catch (e) {
      if (!/ValidationFailed/.test(String(e))) throw e;
    }
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Insecure.template.json'), 'utf8'));
    const byPath = logicalIdsByPath([template]);
    const findings: ExternalFinding[] = [];
    for (const plugin of report.pluginReports) {
      for (const v of [...(plugin.violations ?? []), ...(plugin.suppressedViolations ?? [])]) {
        const id = externalId(plugin.pluginName, String(v.ruleName));
        if (!id) continue;
        for (const c of v.violatingConstructs) {
          const logicalId = c.cloudFormationResource?.logicalId ?? byPath.get(c.constructPath);
          if (!logicalId) throw new Error(`no logical id for ${v.ruleName} at ${c.constructPath}`);
          findings.push({ ...id, stack: 'Insecure', logicalId });
        }
      }
    }
    return { findings, templates: { Insecure: template } };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The reference app's findings, from the same external checks. */
function referenceFindings(): { findings: ExternalFinding[]; template: unknown } {
  process.env.CDK_VALIDATION = 'false';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'differential-ref-'));
  try {
    const app = createApp({ outdir, context: { ...cdkJsonContext(), '@aws-cdk/core:validationReportJson': true, 'aws:cdk:enable-path-metadata': true } });
    const stack = app.node.children.find((c) => Stack.isStack(c)) as Stack;
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    const template = JSON.parse(fs.readFileSync(path.join(outdir, `${stack.artifactId}.template.json`), 'utf8'));
    const byPath = logicalIdsByPath([template]);
    const findings: ExternalFinding[] = [];
    for (const plugin of report.pluginReports) {
      for (const v of [...(plugin.violations ?? []), ...(plugin.suppressedViolations ?? [])]) {
        const id = externalId(plugin.pluginName, String(v.ruleName));
        if (!id) continue;
        for (const c of v.violatingConstructs) {
          const logicalId = c.cloudFormationResource?.logicalId ?? byPath.get(c.constructPath);
          if (logicalId) findings.push({ ...id, stack: stack.stackName, logicalId });
        }
      }
    }
    return { findings, template };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('differential against cdk-nag and cfn-guard', () => {
  const insecure = externalFindings();
  const reference = referenceFindings();
  const ledger = evaluate(
    [
      { path: 'Insecure.template.json', stackName: 'Insecure', template: insecure.templates.Insecure, ...TEST_ENV },
      { path: 'SecurityBaseline.template.json', stackName: 'SecurityBaseline', template: reference.template, ...TEST_ENV },
    ],
    RULES,
  );
  const all = [...insecure.findings, ...reference.findings];
  const templates: Record<string, any> = { Insecure: insecure.templates.Insecure, SecurityBaseline: reference.template };
  /** True when resource `from` of the stack refers to resource `to` (Ref or Fn::GetAtt). */
  const refersTo = (stack: string, from: string, to: string): boolean => {
    const text = JSON.stringify(templates[stack]?.Resources?.[from]?.Properties ?? {});
    return text.includes(`{"Ref":"${to}"}`) || text.includes(`"Fn::GetAtt":["${to}",`);
  };

  test('the external checks raised findings on the fixtures (the comparison is not empty)', () => {
    expect(insecure.findings.filter((f) => f.tool === 'cdk-nag').length).toBeGreaterThan(30);
    expect(insecure.findings.filter((f) => f.tool === 'cfn-guard').length).toBeGreaterThan(10);
  });

  test('every external finding has an equivalent rule of ours failing on the same resource, or a stated reason', () => {
    const uncovered = new Set<string>();
    for (const f of all) {
      if (notCovered(f)) continue;
      const ours = RULES.filter((r) => (r.equivalents?.[f.tool] ?? []).includes(f.ruleId)).map((r) => r.id);
      // The same resource, or one that exists only to configure it (a bucket's policy, a role's policy).
      const related = (logicalId: string | null) => logicalId === f.logicalId || (logicalId !== null && refersTo(f.stack, logicalId, f.logicalId));
      const failing = ledger.results.some((r) => ours.includes(r.ruleId) && r.stack === f.stack && related(r.logicalId) && r.status !== ResultStatus.PASS && r.status !== ResultStatus.NOT_APPLICABLE);
      if (!failing) uncovered.add(`${f.ruleId} @ ${f.stack}/${f.logicalId} (ours: ${ours.join(', ') || 'none'})`);
    }
    expect([...uncovered].sort()).toEqual([]);
  });

  test('every "deliberately not covered" entry is still raised on a fixture and has a real reason', () => {
    for (const entry of DELIBERATELY_NOT_COVERED) {
      expect(all.some((f) => notCovered(f) === entry)).toBe(true);
      expect(entry.reason.length).toBeGreaterThan(30);
    }
  });
});
