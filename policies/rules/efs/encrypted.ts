import { Severity, asBoolean, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * EFS file systems are encrypted at rest.
 *
 * @see https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
 */
export default defineRule({
  id: 'EFS.Encrypted',
  severity: Severity.ERROR,
  title: 'EFS file systems encrypt data at rest',
  fix: 'Set Encrypted: true (encrypted on efs.FileSystem), with a customer-managed key such as a DataKey',
  resourceTypes: ['AWS::EFS::FileSystem'],
  controls: {
    'cis-aws-3.0': ['2.4.1'],
    'fsbp': ['EFS.1'],
    'pci-dss-4.0': ['3.5.1'],
    'nist-800-53-r5': ['SC-28(1)'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-EFSEncrypted', 'NIST.800.53.R5-EFSEncrypted', 'PCI.DSS.321-EFSEncrypted'],
    'cfn-guard': ['CT.ELASTICFILESYSYSTEM.PR.1'],
  },
  check: (fs) => {
    const encrypted = asBoolean(fs.properties.Encrypted);
    if (isUnresolved(encrypted)) return unresolved('Encrypted', encrypted, 'Encrypted');
    return encrypted === true ? pass('the file system is encrypted at rest') : fail('the file system is not encrypted at rest (Encrypted is not true)', 'Encrypted');
  },
});
