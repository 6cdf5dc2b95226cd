import type * as sarif from 'sarif';
import { Report, ReportResult, ReportRule } from '../model';
import { liveObservations } from '../private/text';

/** The key of our entry in `partialFingerprints`. */
export const SARIF_FINGERPRINT_KEY = 'cdkSecurityBaseline/v1';

const LEVEL: Record<ReportRule['severity'], sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub code scanning ranks security alerts by `security-severity` (a CVSS-like score as a string):
 * over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
 *
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#reportingdescriptor-object
 */
const SECURITY_SEVERITY: Record<ReportRule['severity'], string> = { error: '8.0', warning: '5.0', info: '2.0' };

/**
 * SARIF 2.1.0 for code scanning. Only findings are results: unacknowledged failures, and acknowledged
 * ones carrying an accepted external suppression with its reason. Passes are not SARIF results (the
 * JSON report keeps them as evidence).
 *
 * - `tool.driver.rules`: every rule evaluated, with its title, description, fix (text and Markdown) and
 *   its controls as properties and tags.
 * - Each result names the template (relative URI) and, when known, the resource's line; its logical
 *   location is `stack/logicalId` (kind `resource`).
 * - `partialFingerprints` hash the rule id, stack, logical id and property path: never line numbers or
 *   messages, so an alert keeps its identity when the template moves or the wording changes.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function renderSarif(report: Report): string {
  const findings = report.results.filter((r) => r.status === 'fail' || r.status === 'acknowledged');
  const live = liveObservations(report);
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const log: sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          semanticVersion: /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : undefined,
          rules: report.rules.map(toRule),
        },
      },
      invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory the template paths are relative to.' } } },
      columnKind: 'unicodeCodePoints',
      results: findings.map((r) => toResult(r, ruleIndex.get(r.ruleId))),
      properties: {
        reportSchemaVersion: report.schemaVersion, scope: report.scope, frameworks: report.frameworks.map((f) => f.id),
        // Live evidence has no file to point at, so it is not a SARIF result; it rides along in the run's property bag.
        ...(live.length > 0 ? { liveEvidence: live.map((o) => ({ check: o.source, status: o.status, subject: o.subject ?? null, message: o.message, collected: o.collected, operation: o.operation ?? null, requestId: o.requestId ?? null })) } : {}),
      },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toRule(rule: ReportRule): sarif.ReportingDescriptor {
  const controls = Object.entries(rule.controls).map(([f, ids]) => `${f}: ${ids.join(', ')}`);
  const equivalents = Object.entries(rule.equivalents).filter(([, ids]) => ids.length > 0).map(([tool, ids]) => `${tool}: ${ids.join(', ')}`);
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.fix}.${controls.length > 0 ? ` Controls: ${controls.join('; ')}.` : ''}`,
      markdown: [
        `**Fix:** ${rule.fix}.`,
        '',
        ...(controls.length > 0 ? ['**Controls:**', '', ...controls.map((c) => `- ${c}`), ''] : []),
        ...(equivalents.length > 0 ? [`**Equivalent checks:** ${equivalents.join('; ')}`, ''] : []),
        rule.nonWaivable ? '_This rule is non-waivable: a finding can only be fixed, never acknowledged._' : '_Acknowledge with a written reason, an owner and an expiry when the finding is accepted._',
      ].join('\n'),
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'compliance', ...Object.keys(rule.controls)],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      controls: rule.controls,
      kind: rule.kind,
      nonWaivable: rule.nonWaivable,
    },
  };
}

function toResult(r: ReportResult, ruleIndex: number | undefined): sarif.Result {
  const fqn = r.logicalId === null ? r.stack : `${r.stack}/${r.logicalId}`;
  const physical: sarif.PhysicalLocation = {
    artifactLocation: toArtifact(r.template),
    ...(r.line !== null ? { region: { startLine: r.line } } : {}),
  };
  const result: sarif.Result = {
    ruleId: r.ruleId,
    ruleIndex,
    level: LEVEL[r.severity],
    message: { text: r.message },
    locations: [{
      physicalLocation: physical,
      logicalLocations: [{ name: r.logicalId ?? r.stack, fullyQualifiedName: fqn, kind: r.logicalId === null ? 'module' : 'resource' }],
    }],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: r.fingerprint },
    properties: {
      stack: r.stack,
      logicalId: r.logicalId,
      constructPath: r.constructPath,
      resourceType: r.resourceType,
      propertyPath: r.location,
      controls: r.controls,
      ...(r.acknowledgment ? { acknowledgment: r.acknowledgment } : {}),
    },
  };
  if (r.status === 'acknowledged' && r.acknowledgment) {
    result.suppressions = [{
      kind: 'external',
      status: 'accepted',
      justification: `${r.acknowledgment.reason} (owner: ${r.acknowledgment.owner}; expires: ${r.acknowledgment.expires ?? 'never'})`,
    }];
  }
  return result;
}

/** A template path as an artifact location: relative paths under `%SRCROOT%`, absolute ones as file URIs. */
function toArtifact(template: string): sarif.ArtifactLocation {
  const posix = template.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[A-Za-z]:\//.test(posix)) {
    return { uri: `file://${posix.startsWith('/') ? '' : '/'}${uriEncode(posix)}` };
  }
  return { uri: uriEncode(posix.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

function uriEncode(p: string): string {
  return encodeURI(p).replace(/[?#]/g, (c) => encodeURIComponent(c));
}
