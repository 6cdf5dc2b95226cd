import { Severity, asBoolean, defineRule, fail, isPlainObject, isUnresolved, pass, unresolved } from '../../../lib/engine';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/**
 * S3 access points and Multi-Region Access Points keep all four Block Public Access settings on.
 * Absent `PublicAccessBlockConfiguration` passes: S3 turns all four on for a new access point unless
 * told otherwise; a declared configuration must set each of them to true.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html
 */
export default defineRule({
  id: 'S3.AccessPointPublicAccessBlock',
  severity: Severity.ERROR,
  title: 'S3 access points keep all four Block Public Access settings on',
  fix: 'Omit PublicAccessBlockConfiguration or set all four settings to true on the access point',
  resourceTypes: ['AWS::S3::AccessPoint', 'AWS::S3::MultiRegionAccessPoint'],
  nonWaivable: true,
  controls: {
    'fsbp': ['S3.19', 'S3.24'],
    'pci-dss-4.0': ['1.4.4', '7.2.1'],
    'nist-800-53-r5': ['AC-3', 'AC-4', 'AC-6'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.5.15', 'A.8.3'],
    'nist-csf-2.0': ['PR.AA-05', 'PR.DS-01'],
    'gdpr': ['Art. 25', 'Art. 32'],
  },
  equivalents: { 'cfn-guard': ['CT.S3.PR.12'] },
  check: (point) => {
    const config = point.properties.PublicAccessBlockConfiguration;
    if (isUnresolved(config)) return unresolved('the access point\'s Block Public Access settings', config, 'PublicAccessBlockConfiguration');
    if (config === undefined) return pass('no PublicAccessBlockConfiguration: S3 turns all four settings on');
    if (!isPlainObject(config)) return unresolved('the access point\'s Block Public Access settings', config, 'PublicAccessBlockConfiguration');
    for (const name of SETTINGS) {
      const v = asBoolean(config[name]);
      if (isUnresolved(v)) return unresolved(`Block Public Access setting ${name}`, v, `PublicAccessBlockConfiguration.${name}`);
      if (v !== true) return fail(`Block Public Access setting ${name} is ${v === undefined ? 'not set in the declared configuration' : 'false'}`, `PublicAccessBlockConfiguration.${name}`);
    }
    return pass('all four Block Public Access settings are on');
  },
});
