// Per-framework views: thin filters over the single evaluation, never second copies of a rule.
import { IConstruct } from 'constructs';
import { CheckScope } from '../../lib/engine';
import { SecurityBaselineChecks } from './security-baseline-checks';

/** Options shared by the per-framework views. */
export interface FrameworkChecksProps {
  /** @default CheckScope.ACCOUNT */
  readonly scope?: CheckScope;
  /** @default false */
  readonly failOnWarnings?: boolean;
}

/** The rules mapped to CIS AWS Foundations Benchmark v3.0.0. Plugin name `SecurityBaseline.CIS`. */
export class CisAws30Checks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['cis-aws-3.0'] }, 'SecurityBaseline.CIS');
  }
}

/** The rules mapped to PCI DSS 4.0. Plugin name `SecurityBaseline.PCI`. */
export class PciDss40Checks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['pci-dss-4.0'] }, 'SecurityBaseline.PCI');
  }
}

/** The rules mapped to the HIPAA Security Rule. Plugin name `SecurityBaseline.HIPAA`. */
export class HipaaSecurityRuleChecks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['hipaa'] }, 'SecurityBaseline.HIPAA');
  }
}

/** The rules mapped to ISO/IEC 27001:2022 Annex A. Plugin name `SecurityBaseline.ISO27001`. */
export class Iso27001Checks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['iso-27001-2022'] }, 'SecurityBaseline.ISO27001');
  }
}

/** The rules mapped to NIST CSF 2.0. Plugin name `SecurityBaseline.CSF`. */
export class NistCsf20Checks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['nist-csf-2.0'] }, 'SecurityBaseline.CSF');
  }
}

/** The rules mapped to NIST SP 800-53 Rev. 5. Plugin name `SecurityBaseline.NIST80053`. */
export class Nist80053Rev5Checks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['nist-800-53-r5'] }, 'SecurityBaseline.NIST80053');
  }
}

/** The rules mapped to the GDPR's technical articles. Plugin name `SecurityBaseline.GDPR`. */
export class GdprChecks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['gdpr'] }, 'SecurityBaseline.GDPR');
  }
}

/** The rules mapped to AWS Foundational Security Best Practices. Plugin name `SecurityBaseline.FSBP`. */
export class FsbpChecks extends SecurityBaselineChecks {
  constructor(scope: IConstruct, props: FrameworkChecksProps = {}) {
    super(scope, { ...props, frameworks: ['fsbp'] }, 'SecurityBaseline.FSBP');
  }
}
