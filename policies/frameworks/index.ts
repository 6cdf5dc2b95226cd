import { Framework } from '../../lib/engine/framework';
import { CIS_AWS_3_0 } from './cis-aws-3-0';
import { FSBP } from './fsbp';
import { GDPR } from './gdpr';
import { HIPAA } from './hipaa';
import { ISO_27001_2022 } from './iso-27001-2022';
import { NIST_800_53_R5 } from './nist-800-53-r5';
import { NIST_CSF_2_0 } from './nist-csf-2-0';
import { PCI_DSS_4_0 } from './pci-dss-4-0';

export { CIS_AWS_3_0 } from './cis-aws-3-0';
export { FSBP } from './fsbp';
export { GDPR } from './gdpr';
export { HIPAA } from './hipaa';
export { ISO_27001_2022 } from './iso-27001-2022';
export { NIST_800_53_FAMILIES, NIST_800_53_R5 } from './nist-800-53-r5';
export { NIST_CSF_2_0 } from './nist-csf-2-0';
export { PCI_DSS_4_0 } from './pci-dss-4-0';

/** Every framework catalog the checks can report against. */
export const FRAMEWORKS: readonly Framework[] = [
  CIS_AWS_3_0,
  PCI_DSS_4_0,
  HIPAA,
  ISO_27001_2022,
  NIST_CSF_2_0,
  NIST_800_53_R5,
  GDPR,
  FSBP,
];

const BY_ID = new Map(FRAMEWORKS.map((framework) => [framework.id, framework]));

/** The framework catalog with this id, or `undefined` when there is none. */
export function frameworkById(id: string): Framework | undefined {
  return BY_ID.get(id);
}
