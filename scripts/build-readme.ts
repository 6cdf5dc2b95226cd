// Build README.md from the fragments in docs/readme/ (in file-name order) and the generated tables.
// A fragment marks a generated table with `<!-- generated:NAME -->`; GENERATORS below fills it from the
// code's own data, so the README cannot drift from what the constructs do. test/readme.test.ts fails
// when README.md is out of date; `npm run readme` rewrites it.
import * as fs from 'fs';
import * as path from 'path';
import { CIS_ALARM_DEFINITIONS, CisPatternForm } from '../constructs/detection/cis-alarm-definitions';

const ROOT = path.join(__dirname, '..');
const FRAGMENTS = path.join(ROOT, 'docs', 'readme');

/** Generated sections, by marker name. Each returns Markdown. */
export const GENERATORS: Record<string, () => string> = {
  // CIS 4.x metric filters and alarms that SecurityAlarms defines (owner: constructs/detection).
  'cis-alarms': () => {
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    const form = (f: CisPatternForm) => (f === CisPatternForm.CIS_3_0 ? 'CIS v3.0.0' : 'Security Hub');
    const rows = CIS_ALARM_DEFINITIONS.map(
      (d) =>
        `| ${d.id} | ${d.securityHubControl || '—'} | ${d.title} | \`${d.metricName}\` | ${form(d.patternForm)} | \`${cell(d.filterPattern)}\` |`,
    );
    return [
      '| CIS | Security Hub control (CIS v1.2.0/v1.4.0 standards only) | Watches | Metric | Pattern form | Filter pattern |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  },
};

export function buildReadme(): string {
  const parts = fs
    .readdirSync(FRAGMENTS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => fs.readFileSync(path.join(FRAGMENTS, f), 'utf8').trim());
  const body = parts.join('\n\n').replace(/<!-- generated:([\w-]+) -->/g, (_m, name: string) => {
    const gen = GENERATORS[name];
    if (!gen) throw new Error(`docs/readme: no generator for <!-- generated:${name} -->`);
    return `<!-- generated:${name} (do not edit; npm run readme) -->\n${gen().trim()}\n<!-- end:${name} -->`;
  });
  return `<!-- Generated from docs/readme/*.md by scripts/build-readme.ts: edit those, then run npm run readme. -->\n\n${body}\n`;
}

if (require.main === module) {
  fs.writeFileSync(path.join(ROOT, 'README.md'), buildReadme());
  console.log('README.md written');
}
