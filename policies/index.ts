// The compliance side: framework catalogs, rules and the policy-validation packs built from them.
export * from './frameworks';
export { RULES, ruleById } from './rules';
export * from './packs';
