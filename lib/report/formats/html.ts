import { CONTROL_STATUSES, ControlStatus, Report, ReportControl, ReportResult, RESULT_STATUSES } from '../model';
import { EVIDENCE_SHOWN, evidenceIndex } from '../private/results';
import { bySeverity, escapeHtml as h, resourceOf, sourceOf } from '../private/text';
import { stateHint } from './table';

const COLOR: Record<string, string> = {
  'not-satisfied': '#cf222e',
  'excepted': '#d4a72c',
  'satisfied': '#2da44e',
  'runtime-pending': '#8250df',
  'manual': '#0969da',
  'not-applicable': '#afb8c1',
  'fail': '#cf222e',
  'acknowledged': '#d4a72c',
  'pass': '#2da44e',
  'expired': '#cf222e',
  'refused': '#cf222e',
  'invalid': '#bc4c00',
  'stale': '#8c959f',
  'applied': '#d4a72c',
  'error': '#cf222e',
  'warning': '#bc4c00',
  'info': '#0969da',
};

const LABEL: Record<string, string> = {
  'not-satisfied': 'Not satisfied',
  'excepted': 'Excepted',
  'satisfied': 'Satisfied',
  'runtime-pending': 'Runtime pending',
  'manual': 'Manual',
  'not-applicable': 'Not applicable',
  'fail': 'Fail',
  'acknowledged': 'Acknowledged',
  'pass': 'Pass',
};

/**
 * A self-contained HTML report: one file, inline CSS, SVG and script, and a Content-Security-Policy
 * that forbids every network request. Per framework a donut of control statuses and a bar of results;
 * then the unacknowledged failures, the control table (filter by framework, status and text) with the
 * evidence behind each control, the exception register, skipped rules and the templates judged.
 * Every piece of report text is HTML-escaped.
 */
export function renderHtml(report: Report): string {
  const s = report.summary;
  const evidenceOf = evidenceIndex(report);
  const failures = report.results.filter((r) => r.status === 'fail').sort(bySeverity);
  const attention = report.exceptions.filter((e) => e.state !== 'applied').length;
  const title = `Compliance report · ${report.templates.map((t) => t.stack).join(', ') || 'no templates'}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <div class="wrap">
    <h1>Compliance report</h1>
    <p class="meta">${h(report.tool.name)} ${h(report.tool.version)} · evaluated ${h(report.generatedAt)} · ${h(report.scope)} scope ·
      ${report.templates.length} templates · ${report.rules.length} rules · report schema ${h(report.schemaVersion)}</p>
    <div class="kpis">
      ${kpi(s.failures.total === 0 ? 'ok' : 'bad', String(s.failures.total), 'unacknowledged failures',
        `${s.failures.error} error · ${s.failures.warning} warning · ${s.failures.info} info`)}
      ${kpi('', String(s.results.pass), 'passing results', `${s.results.total} results in all`)}
      ${kpi(s.results.acknowledged > 0 ? 'warn' : '', String(s.results.acknowledged), 'acknowledged', `${s.exceptions.applied} applied exception${s.exceptions.applied === 1 ? '' : 's'}`)}
      ${kpi(attention > 0 ? 'warn' : 'ok', String(attention), 'exceptions need attention',
        `${s.exceptions.expired} expired · ${s.exceptions.stale} stale · ${s.exceptions.refused + s.exceptions.invalid} refused or invalid`)}
      ${kpi('', String(s.controls.satisfied), 'controls satisfied', `of ${s.controls.total} controls in ${report.frameworks.length} frameworks`)}
    </div>
  </div>
</header>
<main class="wrap">
${report.scope === 'workload' && report.skipped.length > 0
    ? `<p class="note">Workload scope: ${report.skipped.length} account rules were skipped (${h(report.skipped[0].reason)}). See <a href="#skipped">Skipped</a>.</p>`
    : ''}
<section id="frameworks">
  <h2>Frameworks</h2>
  <div class="cards">
${report.summary.frameworks.map((f) => frameworkCard(report, f.framework)).join('\n')}
  </div>
  <p class="legend">${CONTROL_STATUSES.map((st) => `<span><i style="background:${COLOR[st]}"></i>${h(LABEL[st])}</span>`).join(' ')}</p>
</section>
<section id="failures">
  <h2>Unacknowledged failures <span class="count">${failures.length}</span></h2>
  ${failures.length === 0 ? '<p class="empty">None: every failing result is fixed or acknowledged.</p>' : resultTable(failures)}
</section>
<section id="controls">
  <h2>Controls <span class="count">${report.controls.length}</span></h2>
  <div class="filters">
    <label>Framework <select id="f-framework"><option value="">All frameworks</option>${report.frameworks.map((f) =>
    `<option value="${h(f.id)}">${h(f.name)} ${h(f.version)}</option>`).join('')}</select></label>
    <label>Status <select id="f-status"><option value="">All statuses</option>${CONTROL_STATUSES.map((st) =>
    `<option value="${st}">${h(LABEL[st])}</option>`).join('')}</select></label>
    <label class="grow">Search <input id="f-text" type="search" placeholder="control, title, rule, logical id, construct path…"></label>
    <span id="f-count" class="count" aria-live="polite"></span>
  </div>
  <table class="controls">
    <thead><tr><th>Framework</th><th>Control</th><th>Status</th><th>Kind</th><th>Rules</th><th>Evidence</th></tr></thead>
    <tbody>
${report.controls.map((c) => controlRow(c, evidenceOf(c))).join('\n')}
    </tbody>
  </table>
  <p id="f-none" class="empty" hidden>No control matches the filters.</p>
</section>
<section id="exceptions">
  <h2>Exception register <span class="count">${report.exceptions.length}</span></h2>
  ${exceptionTable(report)}
</section>
${report.skipped.length > 0 ? `<section id="skipped">
  <h2>Skipped <span class="count">${report.skipped.length}</span></h2>
  <table><thead><tr><th>Rule</th><th>Title</th><th>Why</th></tr></thead><tbody>
  ${report.skipped.map((k) => `<tr><td><code>${h(k.ruleId)}</code></td><td>${h(k.title)}</td><td>${h(k.reason)}</td></tr>`).join('\n')}
  </tbody></table>
</section>` : ''}
<section id="templates">
  <h2>Templates <span class="count">${report.templates.length}</span></h2>
  <table><thead><tr><th>Stack</th><th>Template</th><th>Account</th><th>Region</th><th>Resources</th><th>Role</th></tr></thead><tbody>
  ${report.templates.map((t) => `<tr><td>${h(t.stack)}</td><td><code>${h(t.path)}</code></td><td>${h(t.account ?? 'unknown')}</td>` +
    `<td>${h(t.region ?? 'unknown')}</td><td class="num">${t.resourceCount}</td><td>${t.baseline ? 'account baseline' : 'judged'}</td></tr>`).join('\n')}
  </tbody></table>
</section>
</main>
<footer class="wrap">Generated by ${h(report.tool.name)} ${h(report.tool.version)} from the evaluation of ${report.generatedAt ? h(report.generatedAt) : 'an unknown time'}.
Controls: ${report.frameworks.map((f) => `${h(f.name)} ${h(f.version)}${f.scope ? ` (${h(f.scope)})` : ''}`).join('; ')}.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function kpi(tone: string, value: string, label: string, detail: string): string {
  return `<div class="kpi ${tone}"><b>${h(value)}</b><span>${h(label)}</span><small>${h(detail)}</small></div>`;
}

function frameworkCard(report: Report, id: string): string {
  const f = report.summary.frameworks.find((x) => x.framework === id)!;
  const meta = report.frameworks.find((x) => x.id === id)!;
  const rows = CONTROL_STATUSES.filter((st) => f.controls[st] > 0).map((st) =>
    `<button type="button" class="row" data-filter-framework="${h(id)}" data-filter-status="${st}">` +
    `<i style="background:${COLOR[st]}"></i><span>${h(LABEL[st])}</span><b>${f.controls[st]}</b></button>`).join('');
  return `<article class="card">
  <h3><button type="button" class="link" data-filter-framework="${h(id)}">${h(f.name)}</button> <small>${h(f.version)}</small></h3>
  <p class="fid"><code>${h(id)}</code>${meta.scope ? ` · ${h(meta.scope)}` : ''}</p>
  <div class="chart">${donut(f.controls, String(f.controls.total), 'controls')}<div class="rows">${rows}</div></div>
  ${resultBar(f.results)}
</article>`;
}

/** A donut of control statuses: one arc per status, drawn as dashes of a circle of circumference 100. */
function donut(counts: Record<ControlStatus, number> & { total: number }, big: string, small: string): string {
  const total = counts.total || 1;
  let offset = 0;
  const arcs = CONTROL_STATUSES.filter((st) => counts[st] > 0).map((st) => {
    const share = (counts[st] / total) * 100;
    const arc = `<circle class="arc" cx="21" cy="21" r="15.9155" stroke="${COLOR[st]}" stroke-dasharray="${fmt(share)} ${fmt(100 - share)}" ` +
      `stroke-dashoffset="${fmt(25 - offset)}"><title>${h(LABEL[st])}: ${counts[st]} of ${counts.total}</title></circle>`;
    offset += share;
    return arc;
  });
  const label = CONTROL_STATUSES.map((st) => `${LABEL[st]} ${counts[st]}`).join(', ');
  return `<svg class="donut" viewBox="0 0 42 42" role="img" aria-label="${h(`Controls: ${label}`)}">
    <circle cx="21" cy="21" r="15.9155" fill="none" stroke="#eaeef2" stroke-width="6"></circle>${arcs.join('')}
    <text x="21" y="22" class="big">${h(big)}</text><text x="21" y="27.5" class="small">${h(small)}</text></svg>`;
}

/** A stacked bar of result statuses. */
function resultBar(counts: Record<string, number> & { total: number }): string {
  if (counts.total === 0) return '<p class="bar-label">No results: none of its rules judged a resource.</p>';
  let x = 0;
  const parts = RESULT_STATUSES.filter((st) => counts[st] > 0).map((st) => {
    const w = (counts[st] / counts.total) * 100;
    const rect = `<rect x="${fmt(x)}" y="0" width="${fmt(w)}" height="6" fill="${COLOR[st]}"><title>${h(LABEL[st])}: ${counts[st]}</title></rect>`;
    x += w;
    return rect;
  });
  const text = RESULT_STATUSES.filter((st) => counts[st] > 0).map((st) => `${counts[st]} ${LABEL[st].toLowerCase()}`).join(' · ');
  return `<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${h(`Results: ${text}`)}">${parts.join('')}</svg>
  <p class="bar-label">${counts.total} results: ${h(text)}</p>`;
}

/** A path with a break opportunity after each slash. */
function pathHtml(text: string): string {
  return h(text).replace(/\//g, '/<wbr>');
}

function fmt(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

function badge(status: string, text?: string): string {
  return `<span class="badge" style="--c:${COLOR[status] ?? '#57606a'}">${h(text ?? LABEL[status] ?? status)}</span>`;
}

function resourceCell(r: { stack: string; logicalId: string | null; constructPath: string | null; resourceType?: string | null }): string {
  return `<div>${h(resourceOf(r))}</div>${r.constructPath ? `<div class="path">${pathHtml(r.constructPath)}</div>` : ''}` +
    (r.resourceType ? `<div class="muted">${h(r.resourceType)}</div>` : '');
}

function resultTable(results: readonly ReportResult[]): string {
  return `<table><thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Source</th><th>Message</th><th>Controls</th></tr></thead><tbody>
${results.map((r) => `<tr><td>${badge(r.severity, r.severity)}</td><td class="rule"><code>${h(r.ruleId)}</code></td><td>${resourceCell(r)}</td>` +
    `<td><code class="p">${pathHtml(sourceOf(r))}</code>${r.location ? `<div class="muted">${h(r.location)}</div>` : ''}</td><td>${h(r.message)}</td>` +
    `<td class="ctl">${Object.entries(r.controls).map(([f, ids]) => `<span>${h(f)}: ${h(ids.join(', '))}</span>`).join('')}</td></tr>`).join('\n')}
</tbody></table>`;
}

function controlRow(c: ReportControl, results: readonly ReportResult[]): string {
  const text = [c.framework, c.id, c.title, c.family, c.status, c.statusReason, ...c.rules,
    ...results.slice(0, EVIDENCE_SHOWN).flatMap((e) => [e.logicalId ?? '', e.constructPath ?? '', e.stack, e.template])].join(' ').toLowerCase();
  return `<tr data-framework="${h(c.framework)}" data-status="${h(c.status)}" data-text="${h(text)}">` +
    `<td class="nowrap">${h(c.framework)}</td>` +
    `<td><b>${h(c.id)}</b> ${h(c.title)}<div class="muted">${h(c.family)}</div></td>` +
    `<td>${badge(c.status)}<div class="muted">${h(c.statusReason)}</div></td>` +
    `<td>${h(c.kind)}</td>` +
    `<td class="rule">${c.rules.length > 0 ? c.rules.map((r) => `<code>${h(r)}</code>`).join('<br>') : '<span class="muted">no automated rule</span>'}</td>` +
    `<td>${evidenceCell(c, results)}</td></tr>`;
}

function evidenceCell(c: ReportControl, results: readonly ReportResult[]): string {
  if (results.length === 0 && c.observations.length === 0) return '<span class="muted">none</span>';
  const counts = RESULT_STATUSES.map((st) => [st, results.filter((e) => e.status === st).length] as const).filter(([, n]) => n > 0)
    .map(([st, n]) => `${n} ${LABEL[st].toLowerCase()}`);
  if (c.observations.length > 0) counts.push(`${c.observations.length} live`);
  const items = [
    ...results.slice(0, EVIDENCE_SHOWN).map((e) => `<li>${badge(e.status)} <code>${h(e.ruleId)}</code> ${h(resourceOf(e))}` +
      `<div class="path">${e.constructPath ? `${pathHtml(e.constructPath)} · ` : ''}${pathHtml(sourceOf(e))}</div>` +
      `<div class="muted">${h(e.message)}</div></li>`),
    ...c.observations.map((o) => `<li>${badge(o.status === 'not-collected' ? 'not-applicable' : o.status, o.status)} <code>${h(o.source)}</code> ` +
      `${h(o.subject ?? 'account')} <span class="muted">collected ${h(o.collected)}${o.operation ? ` by ${h(o.operation)}` : ''}${o.requestId ? ` (request ${h(o.requestId)})` : ''}</span><div class="muted">${h(o.title)}: ${h(o.message)}</div></li>`),
  ];
  if (results.length > EVIDENCE_SHOWN) {
    items.splice(EVIDENCE_SHOWN, 0, `<li class="muted">and ${fmt(results.length - EVIDENCE_SHOWN)} more results (every result is in report.json and report.csv)</li>`);
  }
  return `<details${c.status === 'not-satisfied' ? ' open' : ''}><summary>${h(counts.join(' · '))}</summary><ul class="evidence">${items.join('')}</ul></details>`;
}

function exceptionTable(report: Report): string {
  if (report.exceptions.length === 0) return '<p class="empty">No acknowledgments in the templates.</p>';
  const order = ['expired', 'refused', 'invalid', 'stale', 'applied'];
  const list = [...report.exceptions].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  return `<table><thead><tr><th>State</th><th>Rule</th><th>Resource</th><th>Source</th><th>Owner</th><th>Expires</th><th>Reason</th></tr></thead><tbody>
${list.map((e) => `<tr class="x-${h(e.state)}"><td>${badge(e.state, e.state)}${e.state === 'applied' ? '' : `<div class="muted">${h(e.problems.join('; ') || stateHint(e.state))}</div>`}</td>` +
    `<td class="rule"><code>${h(e.ruleId)}</code></td><td>${resourceCell(e)}</td><td><code class="p">${pathHtml(sourceOf(e))}</code></td>` +
    `<td class="nowrap">${h(e.owner || '-')}</td><td class="nowrap">${h(e.expires ?? 'never')}</td><td>${h(e.reason)}</td></tr>`).join('\n')}
</tbody></table>`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--card:#fff}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
.wrap{max-width:1280px;margin:0 auto;padding:0 24px}
header{background:#0d1117;color:#e6edf3;padding:20px 0 24px;margin-bottom:8px}
header h1{margin:0;font-size:24px}
.meta{margin:4px 0 16px;color:#9198a1}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px}
.kpi{background:#161b22;border:1px solid #30363d;border-left:4px solid #30363d;border-radius:8px;padding:10px 14px;display:flex;flex-direction:column}
.kpi b{font-size:28px;line-height:1.2}.kpi span{font-weight:600}.kpi small{color:#9198a1}
.kpi.bad{border-left-color:#f85149}.kpi.bad b{color:#ff7b72}.kpi.ok{border-left-color:#3fb950}.kpi.ok b{color:#56d364}
.kpi.warn{border-left-color:#d29922}.kpi.warn b{color:#e3b341}
h2{font-size:18px;margin:28px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.count{display:inline-block;min-width:22px;padding:0 7px;border-radius:10px;background:#e1e6eb;color:var(--muted);font-size:12px;font-weight:600;text-align:center;vertical-align:middle}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card h3{margin:0;font-size:15px}.card h3 small{color:var(--muted);font-weight:400}
.fid{margin:0 0 6px;color:var(--muted);font-size:12px}
.chart{display:flex;align-items:center;gap:14px}
.donut{width:132px;height:132px;flex:none}
.arc{fill:none;stroke-width:6}
.donut text{text-anchor:middle;font-family:inherit;fill:var(--fg)}
.donut .big{font-size:10px;font-weight:700}.donut .small{font-size:3.6px;fill:var(--muted)}
.rows{flex:1;display:flex;flex-direction:column;gap:2px}
button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:left}
button.link:hover{text-decoration:underline}
.row{display:flex;align-items:center;gap:8px;padding:2px 6px;border-radius:6px}
.row:hover{background:var(--bg)}
.row span{flex:1}.row b{font-variant-numeric:tabular-nums}
i{display:inline-block;width:10px;height:10px;border-radius:3px;flex:none}
.legend{color:var(--muted);font-size:12px}.legend span{margin-right:14px;white-space:nowrap}.legend i{margin-right:5px;vertical-align:-1px}
.bar{width:100%;height:10px;border-radius:5px;overflow:hidden;display:block;margin-top:10px;background:#eaeef2}
.bar-label{margin:4px 0 0;color:var(--muted);font-size:12px}
.note{background:#ddf4ff;border:1px solid #54aeff66;border-radius:8px;padding:10px 14px}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
th,td{padding:8px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#f0f3f6;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
tbody tr:last-child td{border-bottom:0}
tbody tr:hover{background:#f6f8fa}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eff2f5;padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
td.rule code{white-space:nowrap}
code.p{overflow-wrap:normal;word-break:keep-all}
.path{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);overflow-wrap:anywhere}
.muted{color:var(--muted);font-size:12px}
.num{text-align:right;font-variant-numeric:tabular-nums}.nowrap{white-space:nowrap}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap;color:var(--c);background:color-mix(in srgb,var(--c) 14%,white);border:1px solid color-mix(in srgb,var(--c) 40%,white)}
.ctl span{display:block;font-size:12px;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin-bottom:10px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);font-weight:600}
.filters .grow{flex:1;min-width:240px}
select,input{font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--fg)}
details summary{cursor:pointer;color:#0969da}
ul.evidence{margin:6px 0 0;padding-left:18px}ul.evidence li{margin-bottom:6px}
.src{background:none;padding:0;color:var(--muted)}
.empty{color:var(--muted)}
footer{color:var(--muted);font-size:12px;padding:24px;margin-top:24px}
`;

const SCRIPT = `
(function () {
  var fw = document.getElementById('f-framework');
  var st = document.getElementById('f-status');
  var q = document.getElementById('f-text');
  var count = document.getElementById('f-count');
  var none = document.getElementById('f-none');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.controls tbody tr'));
  function apply() {
    var f = fw.value, s = st.value, t = q.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ok = (!f || r.dataset.framework === f) && (!s || r.dataset.status === s) && (!t || r.dataset.text.indexOf(t) !== -1);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' shown';
    none.hidden = shown !== 0;
  }
  fw.addEventListener('change', apply);
  st.addEventListener('change', apply);
  q.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter-framework]'), function (el) {
    el.addEventListener('click', function () {
      fw.value = el.getAttribute('data-filter-framework');
      st.value = el.getAttribute('data-filter-status') || '';
      apply();
      document.getElementById('controls').scrollIntoView({ behavior: 'smooth' });
    });
  });
  apply();
})();
`;
