import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as api from '../index';

// The public API, by name. A name that appears or disappears is an API change: update this list in the
// same commit and say so in CHANGELOG.md.
const PUBLIC_EXPORTS = [
  'AccessAnalyzer',
  'AccountPasswordPolicy',
  'AnalyzerScope',
  'AuditTrail',
  'BASELINE_BACKUP_TAG',
  'BackupResourceType',
  'BaselineValidationError',
  'Bastion',
  'BastionIngress',
  'CIS_ALARM_DEFINITIONS',
  'CIS_ALARM_IDS',
  'CIS_AWS_3_0',
  'CheckScope',
  'CisAws30Checks',
  'CisPatternForm',
  'ControlKind',
  'DEFAULT_SECURITY_HUB_STANDARDS',
  'DEPRECATED_VAULT_NOTIFICATION_EVENTS',
  'DataKey',
  'EVIDENCE_SCHEMA_VERSION',
  'EvidenceCollector',
  'FRAMEWORKS',
  'FSBP',
  'FindingPublishingFrequency',
  'FsbpChecks',
  'GDPR',
  'GUARDDUTY_FINDING_MESSAGE',
  'GdprChecks',
  'GuardDutyFeature',
  'HIPAA',
  'HipaaSecurityRuleChecks',
  'ISO_27001_2022',
  'IdentityBaseline',
  'InputError',
  'InspectorResourceType',
  'Iso27001Checks',
  'MfaEnforcedGroup',
  'MfaRole',
  'NIST_800_53_FAMILIES',
  'NIST_800_53_R5',
  'NIST_CSF_2_0',
  'Nist80053Rev5Checks',
  'NistCsf20Checks',
  'ObjectLockMode',
  'PCI_DSS_4_0',
  'PLUGIN_NAME',
  'PciDss40Checks',
  'REPORT_FORMATS',
  'REPORT_SCHEMA_VERSION',
  'RULES',
  'ResultStatus',
  'SECURITY_HUB_FINDING_MESSAGE',
  'SecureBackupPlan',
  'SecureBackupVault',
  'SecureBucket',
  'SecureLogGroup',
  'SecurityAlarms',
  'SecurityAlerts',
  'SecurityBaseline',
  'SecurityBaselineChecks',
  'SecurityHubSeverity',
  'SecurityHubStandard',
  'SegmentedVpc',
  'Severity',
  'SupportRole',
  'ThreatDetection',
  'VaultLockMode',
  'VpcTier',
  'acknowledge',
  'buildReport',
  'collectEvidence',
  'diffReports',
  'evaluate',
  'evidenceObservations',
  'evidencePolicyDocument',
  'exitCodeFor',
  'frameworkById',
  'loadTemplates',
  'readEvidenceFile',
  'render',
  'renderDiff',
  'renderFindingMessage',
  'ruleById',
  'writeEvidenceFile',
];

const ROOT = path.join(__dirname, '..');

describe('public API', () => {
  test('the root index exports exactly the announced names', () => {
    expect(Object.keys(api).sort()).toEqual(PUBLIC_EXPORTS);
  });

  test('internals are not exported', () => {
    for (const internal of ['throwIfProblems', 'valueAtPath', 'CONSOLE_HOST_PLACEHOLDER']) {
      expect(Object.keys(api)).not.toContain(internal);
    }
  });

  describe('package.json exports map (Node resolver)', () => {
    // A package laid out as npm installs it (our package.json, stub dist files), resolved by a real
    // Node process: jest's own resolver is not Node's.
    let consumer: string;
    beforeAll(() => {
      consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'csb-exports-'));
      const pkg = path.join(consumer, 'node_modules', 'cdk-security-baseline');
      for (const file of ['dist/index.js', 'dist/constructs/network/private/cidr.js', 'dist/bin/cli.js']) {
        fs.mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
        fs.writeFileSync(path.join(pkg, file), 'module.exports = {};\n');
      }
      fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    });
    afterAll(() => fs.rmSync(consumer, { recursive: true, force: true }));

    const resolve = (request: string): string => {
      try {
        return execFileSync(process.execPath, ['-e', `process.stdout.write(require.resolve(${JSON.stringify(request)}))`], {
          cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    };

    test('the package root and its package.json resolve', () => {
      expect(resolve('cdk-security-baseline')).toMatch(/node_modules[\\/]cdk-security-baseline[\\/]dist[\\/]index\.js$/);
      expect(resolve('cdk-security-baseline/package.json')).toMatch(/cdk-security-baseline[\\/]package\.json$/);
    });

    test('a deep require of a dist internal is blocked', () => {
      expect(resolve('cdk-security-baseline/dist/constructs/network/private/cidr')).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
      expect(resolve('cdk-security-baseline/dist/index.js')).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    });

    test('the CLI stays a bin path, not an export', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      expect(pkg.bin).toEqual({ 'security-baseline': 'dist/bin/cli.js' });
      expect(pkg.exports).toEqual({ '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' });
    });
  });
});
