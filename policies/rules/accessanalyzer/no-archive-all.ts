import { Outcome, Severity, Unresolved, asBoolean, asList, defineRule, fail, isPlainObject, notApplicable, pass, unresolved, unresolvedIn } from '../../../lib/engine';

/** Finding properties every external-access finding carries. */
const ALWAYS_PRESENT = ['id', 'resource', 'resourcetype', 'status', 'createdat', 'updatedat', 'analyzedat', 'resourceowneraccount', 'condition'];

/**
 * Archive rules of an Access Analyzer analyzer never archive every finding.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-archive-rules.html
 */
export default defineRule({
  id: 'AccessAnalyzer.NoArchiveAll',
  severity: Severity.ERROR,
  title: 'Access Analyzer archive rules do not archive every finding',
  description: 'An archive rule without filters, or whose filters every finding matches, archives each new finding as it is raised: the analyzer exists but reports nothing.',
  fix: 'Give each archive rule a filter that names the expected access, for example principal.AWS eq a trusted account id (AccessAnalyzer rejects a rule without filters)',
  resourceTypes: ['AWS::AccessAnalyzer::Analyzer'],
  controls: {
    'cis-aws-3.0': ['1.20'],
    'nist-800-53-r5': ['AC-6'],
    'iso-27001-2022': ['A.8.3'],
    'nist-csf-2.0': ['PR.AA-05', 'DE.CM-01'],
  },
  check: (analyzer): Outcome => {
    const rules = analyzer.properties.ArchiveRules;
    if (rules instanceof Unresolved) return unresolved('the archive rules', rules, 'ArchiveRules');
    const list = asList(rules);
    if (list.length === 0) return notApplicable('the analyzer has no archive rules');
    for (let i = 0; i < list.length; i++) {
      const rule = list[i];
      if (!isPlainObject(rule) || unresolvedIn(rule).length > 0) return unresolved(`archive rule ${i}`, rule, `ArchiveRules.${i}`);
      const name = String(rule.RuleName);
      const filters = asList(rule.Filter).filter(isPlainObject);
      if (filters.length === 0) return fail(`archive rule ${name} has no filter, so it archives every finding`, `ArchiveRules.${i}.Filter`);
      if (filters.every(matchesEverything)) {
        return fail(`archive rule ${name} only has filters every finding matches (${filters.map((f) => String(f.Property)).join(', ')}), so it archives every finding`, `ArchiveRules.${i}.Filter`);
      }
    }
    return pass(`${list.length} archive rule(s), each narrowed by a filter`);
  },
});

/** True when every finding matches the filter. */
function matchesEverything(filter: Record<string, unknown>): boolean {
  const property = String(filter.Property).toLowerCase();
  const exists = asBoolean(filter.Exists);
  if (filter.Eq === undefined && filter.Neq === undefined && filter.Contains === undefined && exists === undefined) return true;
  if (exists === true && filter.Eq === undefined && filter.Neq === undefined && filter.Contains === undefined && ALWAYS_PRESENT.includes(property)) return true;
  // isPublic is always true or false: a filter that accepts both (Eq or Contains) matches everything.
  const eq = [...asList(filter.Eq), ...asList(filter.Contains)].map((v) => String(v).toLowerCase());
  return property === 'ispublic' && eq.includes('true') && eq.includes('false');
}
