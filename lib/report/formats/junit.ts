import { Report, ReportControl, ReportResult } from '../model';
import { EVIDENCE_SHOWN, evidenceIndex } from '../private/results';
import { escapeXml, resourceOf, sourceOf } from '../private/text';

const SKIPPED = new Set(['manual', 'runtime-pending', 'not-applicable']);

/**
 * JUnit XML for CI test tabs: one `<testsuite>` per framework, one `<testcase>` per control
 * (`classname` = framework id, `name` = control id and title). A not-satisfied control is a
 * `<failure>`; manual, runtime-pending and not-applicable controls are `<skipped>` with why; satisfied
 * and excepted controls pass (excepted ones say so in a property). Each test case carries its status,
 * rules and evidence as `<properties>` and in `<system-out>`.
 */
export function renderJunit(report: Report): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = report.controls;
  const evidenceOf = evidenceIndex(report);
  const failures = all.filter((c) => c.status === 'not-satisfied').length;
  const skipped = all.filter((c) => SKIPPED.has(c.status)).length;
  out.push(`<testsuites name="${escapeXml(report.tool.name)}" tests="${all.length}" failures="${failures}" errors="0" skipped="${skipped}" ` +
    `timestamp="${escapeXml(report.generatedAt)}">`);
  for (const f of report.frameworks) {
    const controls = all.filter((c) => c.framework === f.id);
    const summary = report.summary.frameworks.find((s) => s.framework === f.id)!;
    out.push(`  <testsuite name="${escapeXml(`${f.id} (${f.name} ${f.version})`)}" tests="${controls.length}" ` +
      `failures="${summary.controls['not-satisfied']}" errors="0" skipped="${controls.filter((c) => SKIPPED.has(c.status)).length}" ` +
      `timestamp="${escapeXml(report.generatedAt)}">`);
    out.push('    <properties>',
      `      <property name="scope" value="${escapeXml(report.scope)}"/>`,
      `      <property name="tool" value="${escapeXml(`${report.tool.name} ${report.tool.version}`)}"/>`,
      '    </properties>');
    for (const c of controls) out.push(...testcase(c, evidenceOf(c)));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testcase(c: ReportControl, results: readonly ReportResult[]): string[] {
  const lines = [`    <testcase classname="${escapeXml(c.framework)}" name="${escapeXml(`${c.id} ${c.title}`)}" time="0">`];
  lines.push('      <properties>',
    `        <property name="status" value="${escapeXml(c.status)}"/>`,
    `        <property name="kind" value="${escapeXml(c.kind)}"/>`,
    `        <property name="family" value="${escapeXml(c.family)}"/>`,
    `        <property name="rules" value="${escapeXml(c.rules.join(' ') || 'none')}"/>`,
    '      </properties>');
  const failing = results.filter((e) => e.status === 'fail');
  if (c.status === 'not-satisfied') {
    const detail = [
      ...failing.map((e) => `${e.ruleId} ${resourceOf(e)} (${sourceOf(e)}): ${e.message}`),
      ...c.observations.filter((o) => o.status === 'fail').map((o) => `${o.source} ${o.subject ?? 'account'}: ${o.message}`),
    ];
    lines.push(`      <failure type="not-satisfied" message="${escapeXml(c.statusReason)}">${escapeXml(detail.join('\n'))}</failure>`);
  } else if (SKIPPED.has(c.status)) {
    lines.push(`      <skipped message="${escapeXml(`${c.status}: ${c.statusReason}`)}"/>`);
  }
  const evidence = [
    `status: ${c.status} (${c.statusReason})`,
    ...results.slice(0, EVIDENCE_SHOWN).map((e) => `${e.status} ${e.ruleId} ${resourceOf(e)}${e.constructPath ? ` [${e.constructPath}]` : ''} ${sourceOf(e)}: ${e.message}`),
    ...(results.length > EVIDENCE_SHOWN ? [`and ${results.length - EVIDENCE_SHOWN} more results (every result is in report.json and report.csv)`] : []),
    ...c.observations.map((o) => `${o.status} ${o.source} ${o.subject ?? 'account'} (${o.collected}): ${o.message}`),
  ];
  lines.push(`      <system-out>${escapeXml(evidence.join('\n'))}</system-out>`, '    </testcase>');
  return lines;
}
