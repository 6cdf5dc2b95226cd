import { Severity, asBoolean, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * RDS instances take minor engine upgrades automatically (security patches). CloudFormation's default
 * is true, so only an explicit false fails.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html
 */
export default defineRule({
  id: 'RDS.AutoMinorVersionUpgrade',
  severity: Severity.ERROR,
  title: 'RDS instances upgrade minor engine versions automatically',
  fix: 'Leave AutoMinorVersionUpgrade at true (autoMinorVersionUpgrade on rds.DatabaseInstance)',
  resourceTypes: ['AWS::RDS::DBInstance'],
  controls: {
    'cis-aws-3.0': ['2.3.2'],
    'fsbp': ['RDS.13'],
    'pci-dss-4.0': ['6.3.3'],
    'nist-800-53-r5': ['SI-2(2)'],
    'iso-27001-2022': ['A.8.8'],
    'nist-csf-2.0': ['ID.RA-01'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-RDSAutomaticMinorVersionUpgradeEnabled'],
    'cfn-guard': ['CT.RDS.PR.5'],
  },
  check: (db) => {
    const upgrade = asBoolean(db.properties.AutoMinorVersionUpgrade);
    if (isUnresolved(upgrade)) return unresolved('AutoMinorVersionUpgrade', upgrade, 'AutoMinorVersionUpgrade');
    return upgrade === false
      ? fail('AutoMinorVersionUpgrade is false: security patches of the engine are not applied', 'AutoMinorVersionUpgrade')
      : pass('minor engine upgrades are applied automatically');
  },
});
