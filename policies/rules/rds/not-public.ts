import { Severity, asBoolean, defineRule, fail, isUnresolved, pass, unresolved } from '../../../lib/engine';

/**
 * RDS instances are not publicly accessible. Without `PubliclyAccessible`, RDS decides from the
 * subnet group (an instance in the default VPC without one is public), so the rule asks for an
 * explicit `false` unless a DB subnet group is named.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-publiclyaccessible
 */
export default defineRule({
  id: 'RDS.NotPublic',
  severity: Severity.ERROR,
  nonWaivable: true,
  title: 'RDS instances are not publicly accessible',
  fix: 'Set PubliclyAccessible: false and place the instance in private or isolated subnets (publiclyAccessible: false on rds.DatabaseInstance)',
  resourceTypes: ['AWS::RDS::DBInstance'],
  controls: {
    'cis-aws-3.0': ['2.3.3'],
    'fsbp': ['RDS.2'],
    'pci-dss-4.0': ['1.3.1'],
    'nist-800-53-r5': ['AC-3', 'SC-7(a)'],
    'hipaa': ['164.312(a)(1)'],
    'iso-27001-2022': ['A.8.20'],
    'nist-csf-2.0': ['PR.IR-01'],
  },
  equivalents: {
    'cdk-nag': ['HIPAA.Security-RDSInstancePublicAccess', 'NIST.800.53.R5-RDSInstancePublicAccess', 'PCI.DSS.321-RDSInstancePublicAccess'],
    'cfn-guard': ['CT.RDS.PR.23'],
  },
  check: (db) => {
    const value = asBoolean(db.properties.PubliclyAccessible);
    if (isUnresolved(value)) return unresolved('PubliclyAccessible', value, 'PubliclyAccessible');
    if (value === true) return fail('PubliclyAccessible is true: the instance has a public endpoint', 'PubliclyAccessible');
    if (value === false) return pass('PubliclyAccessible is false');
    if (db.properties.DBSubnetGroupName !== undefined) return pass('PubliclyAccessible is unset and a DB subnet group is named: RDS makes the instance private');
    return fail('PubliclyAccessible is unset and no DB subnet group is named: in a default VPC the instance would be public', 'PubliclyAccessible');
  },
});
