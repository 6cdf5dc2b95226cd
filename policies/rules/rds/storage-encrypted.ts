import { Severity, asBoolean, defineRule, fail, isUnresolved, notApplicable, pass, unresolved } from '../../../lib/engine';

/**
 * RDS storage is encrypted at rest. An Aurora instance takes its encryption from its cluster, so the
 * cluster is judged and the instance is not applicable.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
 */
export default defineRule({
  id: 'RDS.StorageEncrypted',
  severity: Severity.ERROR,
  title: 'RDS instances and clusters encrypt their storage at rest',
  fix: 'Set StorageEncrypted: true (storageEncrypted on rds.DatabaseInstance/DatabaseCluster), with a customer-managed key such as a DataKey',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  controls: {
    'cis-aws-3.0': ['2.3.1'],
    'fsbp': ['RDS.3'],
    'pci-dss-4.0': ['3.5.1'],
    'nist-800-53-r5': ['SC-28(1)'],
    'hipaa': ['164.312(a)(2)(iv)'],
    'iso-27001-2022': ['A.8.24'],
    'nist-csf-2.0': ['PR.DS-01'],
    'gdpr': ['Art. 32'],
  },
  equivalents: {
    'cdk-nag': ['AwsSolutions-RDS2', 'HIPAA.Security-RDSStorageEncrypted', 'NIST.800.53.R5-RDSStorageEncrypted', 'PCI.DSS.321-RDSStorageEncrypted'],
    'cfn-guard': ['CT.RDS.PR.16', 'CT.RDS.PR.24'],
  },
  check: (db) => {
    if (db.type === 'AWS::RDS::DBInstance' && db.properties.DBClusterIdentifier !== undefined) {
      return notApplicable('an Aurora instance takes its storage encryption from its cluster, which this rule judges');
    }
    const encrypted = asBoolean(db.properties.StorageEncrypted);
    if (isUnresolved(encrypted)) return unresolved('StorageEncrypted', encrypted, 'StorageEncrypted');
    return encrypted === true ? pass('storage is encrypted at rest') : fail('storage is not encrypted at rest (StorageEncrypted is not true)', 'StorageEncrypted');
  },
});
