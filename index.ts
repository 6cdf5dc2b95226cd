// Public API of cdk-security-baseline: the constructs, their props and enums, the compliance packs, the
// shared error type, and a small programmatic API for checks and reports (what CI tools call).
//
// Values are listed by name, so that a helper added to a construct file does not become API by
// accident; test/public-api.test.ts fails when a name appears or disappears. Props, options and other
// interfaces are types only and are re-exported wholesale.
export { BaselineValidationError } from './lib/errors';
export type * from './constructs/data';
export {
  BackupResourceType, DataKey, DEPRECATED_VAULT_NOTIFICATION_EVENTS, ObjectLockMode, SecureBackupPlan, SecureBackupVault, SecureBucket,
  SecureLogGroup, VaultLockMode,
} from './constructs/data';
export type * from './constructs/network';
export { Bastion, BastionIngress, SegmentedVpc, VpcTier } from './constructs/network';
export type * from './constructs/identity';
export { AccessAnalyzer, AccountPasswordPolicy, AnalyzerScope, IdentityBaseline, MfaEnforcedGroup, MfaRole, SupportRole } from './constructs/identity';
export type * from './constructs/detection';
export {
  AuditTrail, CIS_ALARM_DEFINITIONS, CIS_ALARM_IDS, CisPatternForm, DEFAULT_SECURITY_HUB_STANDARDS, EvidenceCollector, FindingPublishingFrequency,
  GUARDDUTY_FINDING_MESSAGE, GuardDutyFeature, InspectorResourceType, renderFindingMessage, SECURITY_HUB_FINDING_MESSAGE, SecurityAlarms,
  SecurityAlerts, SecurityHubSeverity, SecurityHubStandard, ThreatDetection,
} from './constructs/detection';
export type * from './constructs/baseline';
export { BASELINE_BACKUP_TAG, SecurityBaseline } from './constructs/baseline';
export * from './policies';
export type { Acknowledgment, Control, EvaluateOptions, Framework, Ledger, LedgerResult, TemplateInput } from './lib/engine';
export { CheckScope, ControlKind, ResultStatus, Severity, evaluate } from './lib/engine';
export { InputError, loadTemplates } from './lib/engine/load';
export type { ReportFormat } from './lib/report';
export { REPORT_FORMATS, REPORT_SCHEMA_VERSION, buildReport, diffReports, exitCodeFor, render, renderDiff } from './lib/report';
// Live evidence (CI tools call it): collect, write, read and merge into a report.
export {
  EVIDENCE_SCHEMA_VERSION, collectEvidence, evidenceObservations, evidencePolicyDocument, readEvidenceFile, writeEvidenceFile,
} from './lib/evidence';
export type { CollectOptions, EvidenceDocument, EvidenceObservation, EvidenceObservationOptions, EvidenceStatus } from './lib/evidence';
