import { sha256 } from '../build-report';
import { Report, ReportControl, ReportResult } from '../model';
import { uuidV5 } from '../private/uuid';

/** The OSCAL version the output validates against. */
export const OSCAL_VERSION = '1.0.6';

/** Namespace of our OSCAL `props`. */
export const OSCAL_NAMESPACE = 'urn:cdk-security-baseline:oscal';

/**
 * OSCAL assessment-results (1.0.6) JSON: one result with every control of the report's frameworks as
 * reviewed controls, one observation per evaluated (rule, resource) pair (method `EXAMINE`: the
 * synthesized template was examined) and per live observation (method `TEST`), the resources as
 * inventory items (the observations' subjects), and one finding per control.
 *
 * - A finding's target state is `satisfied` (reason `pass`) or `not-satisfied` (reason `fail`); controls
 *   that are excepted, manual, runtime-pending or not applicable are `not-satisfied` with reason
 *   `other`, their status in a prop and why in the remarks: none of them is shown satisfied.
 * - Control ids become OSCAL tokens: NIST 800-53 ids take NIST's own OSCAL form (`SC-8(1)` ->
 *   `sc-8.1`); other frameworks publish no OSCAL catalog, so their ids are namespaced by framework
 *   (`cis-aws-3.0_2.1.1`). The original id is in the finding's `control-id` prop.
 * - UUIDs are name-based (v5): subjects and findings (per set of stacks and control) keep theirs across
 *   reports; the document's own UUID derives from the report's content.
 * - There is no OSCAL assessment plan: `import-ap` points at a back-matter resource that says what was
 *   assessed (the rules and catalogs).
 *
 * @see https://pages.nist.gov/OSCAL/resources/concepts/layer/assessment/assessment-results/
 */
export function renderOscal(report: Report): string {
  const docHash = sha256(JSON.stringify(report));
  const tokens = controlTokens(report.controls);
  const planUuid = uuidV5(`assessment-plan:${report.tool.name}`);
  // The system assessed is the set of stacks: a finding's UUID is per (system, control).
  const system = report.templates.map((t) => `${t.account ?? ''}/${t.region ?? ''}/${t.stack}`).sort().join(',');

  const subjects = new Map<string, { uuid: string; title: string; props: Prop[] | undefined }>();
  const subjectOf = (r: ReportResult) => {
    const key = r.logicalId === null ? `stack:${r.stack}` : `resource:${r.stack}/${r.logicalId}`;
    let s = subjects.get(key);
    if (!s) {
      s = {
        uuid: uuidV5(`inventory-item:${key}`),
        title: r.logicalId === null ? `stack ${r.stack}` : `${r.resourceType ?? 'resource'} ${r.stack}/${r.logicalId}`,
        props: props({ 'stack': r.stack, 'logical-id': r.logicalId, 'resource-type': r.resourceType, 'construct-path': r.constructPath, 'template': r.template }),
      };
      subjects.set(key, s);
    }
    return s;
  };

  const observations: Record<string, unknown>[] = [];
  const observationUuid = new Map<string, string>();
  for (const r of report.results) {
    const uuid = uuidV5(`observation:${r.fingerprint}:${docHash}`);
    observationUuid.set(r.id, uuid);
    const subject = subjectOf(r);
    observations.push({
      uuid,
      title: `${r.ruleId} on ${subject.title}`,
      description: `${r.ruleId}: ${r.status}. ${r.message}`,
      props: props({ 'rule-id': r.ruleId, 'result': r.status, 'severity': r.severity, 'property-path': r.location, 'acknowledgment-reason': r.acknowledgment?.reason,
        'acknowledgment-owner': r.acknowledgment?.owner, 'acknowledgment-expires': r.acknowledgment?.expires }),
      methods: ['EXAMINE'],
      subjects: [{ 'subject-uuid': subject.uuid, 'type': 'inventory-item', 'title': subject.title }],
      'relevant-evidence': [{
        href: uriReference(r.template),
        description: r.line === null ? `template ${r.template}` : `template ${r.template}, line ${r.line}`,
      }],
      collected: report.generatedAt,
    });
  }
  for (const o of uniqueObservations(report.controls)) {
    const uuid = uuidV5(`observation:${o.id}:${docHash}`);
    observationUuid.set(o.id, uuid);
    observations.push({
      uuid,
      title: o.title,
      description: `${o.status}: ${o.message}`,
      props: props({ 'source': o.source, 'result': o.status, 'subject': o.subject }),
      methods: ['TEST'],
      'relevant-evidence': [{ description: `${o.source} on ${o.subject ?? 'the account'}` }],
      collected: o.collected,
    });
  }

  const findings = report.controls.map((c) => {
    const related = [...c.evidence.map((id) => observationUuid.get(id)), ...c.observations.map((o) => observationUuid.get(o.id))]
      .filter((u): u is string => u !== undefined);
    const [state, reason] = c.status === 'satisfied' ? ['satisfied', 'pass'] : c.status === 'not-satisfied' ? ['not-satisfied', 'fail'] : ['not-satisfied', 'other'];
    return {
      uuid: uuidV5(`finding:${system}:${c.framework}:${c.id}`),
      title: `${c.framework} ${c.id}: ${c.title}`,
      description: `${c.status}: ${c.statusReason}`,
      props: props({ 'framework': c.framework, 'control-id': c.id, 'status': c.status, 'kind': c.kind, 'rules': c.rules.join(' ') }),
      target: {
        type: 'objective-id',
        'target-id': tokens.get(c)!,
        status: { state, reason, ...(reason === 'other' ? { remarks: `${c.status}: ${c.statusReason}` } : {}) },
      },
      ...(related.length > 0 ? { 'related-observations': related.map((u) => ({ 'observation-uuid': u })) } : {}),
    };
  });

  const frameworks = report.frameworks.map((f) => `${f.name} ${f.version} (${f.id})`).join(', ');
  const result: Record<string, unknown> = {
    uuid: uuidV5(`result:${docHash}`),
    title: `Template assessment of ${report.templates.length} templates`,
    description: `${report.rules.length} rules evaluated in ${report.scope} scope over ${report.templates.map((t) => t.stack).join(', ') || 'no templates'}, ` +
      `reported against ${frameworks}.${report.skipped.length > 0 ? ` Skipped: ${report.skipped.map((s) => s.ruleId).join(', ')} (${report.skipped[0].reason}).` : ''}`,
    start: report.generatedAt,
    end: report.generatedAt,
    props: props({ 'scope': report.scope, 'report-schema-version': report.schemaVersion }),
    ...(subjects.size > 0 ? {
      'local-definitions': {
        'inventory-items': [...subjects.values()].map((s) => ({ uuid: s.uuid, description: s.title, props: s.props })),
      },
    } : {}),
    'reviewed-controls': {
      description: `Every control of ${frameworks}.`,
      'control-selections': [{ 'include-controls': report.controls.map((c) => ({ 'control-id': tokens.get(c)! })) }],
    },
    ...(observations.length > 0 ? { observations } : {}),
    ...(findings.length > 0 ? { findings } : {}),
  };

  const document = {
    'assessment-results': {
      uuid: uuidV5(`assessment-results:${docHash}`),
      metadata: {
        'title': `Compliance assessment results (${report.tool.name})`,
        'last-modified': report.generatedAt,
        'version': report.tool.version,
        'oscal-version': OSCAL_VERSION,
      },
      'import-ap': {
        href: `#${planUuid}`,
        remarks: 'No OSCAL assessment plan exists: the plan is the rule set and framework catalogs described in the back matter.',
      },
      results: [result],
      'back-matter': {
        resources: [{
          uuid: planUuid,
          title: `${report.tool.name} ${report.tool.version} rules and framework catalogs`,
          description: `Rules: ${report.rules.map((r) => r.id).join(', ') || 'none'}. Frameworks: ${frameworks}.`,
        }],
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

type Prop = { name: string; ns: string; value: string };

/** OSCAL props from a record, dropping empty values (OSCAL strings are non-empty single lines). */
function props(values: Record<string, string | null | undefined>): Prop[] | undefined {
  const list = Object.entries(values)
    .map(([name, v]) => ({ name, ns: OSCAL_NAMESPACE, value: (v ?? '').replace(/\s+/g, ' ').trim() }))
    .filter((p) => p.value !== '');
  return list.length > 0 ? list : undefined;
}

function uniqueObservations(controls: readonly ReportControl[]) {
  const seen = new Map<string, ReportControl['observations'][number]>();
  for (const c of controls) for (const o of c.observations) seen.set(o.id, o);
  return [...seen.values()];
}

/** OSCAL control-id tokens, unique within the report. */
function controlTokens(controls: readonly ReportControl[]): Map<ReportControl, string> {
  const tokens = new Map<ReportControl, string>();
  const used = new Set<string>();
  for (const c of controls) {
    const local = c.id.toLowerCase().replace(/\(([^)]*)\)/g, '.$1').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '');
    let token = c.framework === 'nist-800-53-r5' && /^\p{L}/u.test(local) ? local : `${c.framework.replace(/[^\p{L}\p{N}._-]+/gu, '-')}_${local}`;
    if (!/^(\p{L}|_)/u.test(token)) token = `_${token}`;
    let unique = token;
    for (let n = 2; used.has(unique); n++) unique = `${token}_${n}`;
    used.add(unique);
    tokens.set(c, unique);
  }
  return tokens;
}

function uriReference(p: string): string {
  return encodeURI(p.replace(/\\/g, '/')).replace(/[?#]/g, (ch) => encodeURIComponent(ch));
}
