import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { buildReport, render } from '../../../lib/report';
import { FIXTURE_FRAMEWORKS, FIXTURE_LEDGER } from '../../fixtures/ledger';

const report = buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: '0.1.0' } });
const html = render(report, 'html');

describe('HTML report (static)', () => {
  test('is one self-contained file: no external reference, a CSP that forbids network', () => {
    // THEN
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
  });

  test('escapes template text', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  test('shows source locations, construct paths and the exception register', () => {
    const text = html.replace(/<wbr>/g, '');
    expect(text).toContain('cdk.out/AppStack.template.json:40');
    expect(text).toContain('AppStack/Bastion/SecurityGroup/Resource');
    expect(html).toContain('BaselineStack (account)');
    for (const state of ['applied', 'expired', 'stale', 'refused', 'invalid']) expect(html).toContain(`class="x-${state}"`);
    expect(html).toContain('Legacy bucket is replaced by the data lake in Q2');
  });

  test('lists at most 50 evidence items per control, failures first, and counts the rest', () => {
    // GIVEN a control with 120 passing and 3 failing buckets
    const many = {
      ...FIXTURE_LEDGER,
      results: [
        ...FIXTURE_LEDGER.results,
        ...Array.from({ length: 120 }, (_, i) => ({ ...FIXTURE_LEDGER.results[0], logicalId: `Bucket${i}`, constructPath: `AppStack/Bucket${i}/Resource` })),
      ],
    };
    // WHEN
    const big = render(buildReport(many, FIXTURE_FRAMEWORKS), 'html');
    // THEN
    const row = big.split('\n').find((l) => l.includes('data-framework="cis-aws-3.0"') && l.includes('<b>2.1.1</b>'))!;
    expect(row.match(/<li>/g)).toHaveLength(50);
    expect(row).toContain('and 73 more results (every result is in report.json and report.csv)');
    expect(row.indexOf('RawBucket')).toBeLessThan(row.indexOf('Bucket0'));
    expect(row).not.toContain('Bucket119');
  });

  test('is deterministic', () => {
    expect(render(buildReport(FIXTURE_LEDGER, FIXTURE_FRAMEWORKS, { tool: { name: 'cdk-security-baseline', version: '0.1.0' } }), 'html')).toBe(html);
  });
});

describe('HTML report in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-html-'));
    fs.writeFileSync(path.join(dir, 'report.html'), html);
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${path.join(dir, 'report.html')}`);
    await page.waitForLoadState('load');
  });

  afterAll(async () => {
    await context?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('loads with no console error and no network request', async () => {
    // THEN
    expect(await page.title()).toContain('Compliance report');
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !/^(file|data):/.test(u))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });

  test('draws one donut and one result bar per framework', async () => {
    expect(await page.locator('svg.donut').count()).toBe(2);
    expect(await page.locator('svg.bar').count()).toBe(2);
    // the arcs of a donut add up to the whole circle
    const shares = await page.locator('article.card').first().locator('circle.arc').evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('stroke-dasharray')!.split(' ')[0])));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
  });

  test('filters controls by framework, status and text', async () => {
    const visible = () => page.locator('table.controls tbody tr:visible');
    expect(await visible().count()).toBe(report.controls.length);
    // WHEN: framework
    await page.selectOption('#f-framework', 'nist-800-53-r5');
    // THEN
    expect(await visible().count()).toBe(report.controls.filter((c) => c.framework === 'nist-800-53-r5').length);
    // WHEN: status too
    await page.selectOption('#f-status', 'not-satisfied');
    expect(await visible().count()).toBe(report.controls.filter((c) => c.framework === 'nist-800-53-r5' && c.status === 'not-satisfied').length);
    expect(await page.locator('#f-count').textContent()).toBe(`5 of ${report.controls.length} shown`);
    // WHEN: text (a logical id that is evidence of SC-7 only)
    await page.fill('#f-text', 'bastionsg');
    expect(await visible().locator('td:nth-child(2) b').allTextContents()).toEqual(['SC-7']);
    // WHEN: nothing matches
    await page.fill('#f-text', 'no such thing');
    expect(await visible().count()).toBe(0);
    expect(await page.locator('#f-none').isVisible()).toBe(true);
    // WHEN: a legend row of a framework card is clicked
    await page.fill('#f-text', '');
    await page.locator('article.card').first().locator('button[data-filter-status="runtime-pending"]').click();
    expect(await page.inputValue('#f-framework')).toBe('cis-aws-3.0');
    expect(await visible().locator('td:nth-child(2) b').allTextContents()).toEqual(['1.1', '1.4']);
    // reset for the screenshot
    await page.selectOption('#f-framework', '');
    await page.selectOption('#f-status', '');
  });

  test('writes docs/images/report.png when UPDATE_SCREENSHOT=1', async () => {
    if (process.env.UPDATE_SCREENSHOT !== '1') return;
    const fresh = await context.newPage();
    await fresh.setViewportSize({ width: 1280, height: 1000 });
    await fresh.goto(`file://${path.join(dir, 'report.html')}`);
    await fresh.screenshot({ path: path.join(__dirname, '..', '..', '..', 'docs', 'images', 'report.png'), fullPage: false });
    await fresh.close();
    expect(fs.existsSync(path.join(__dirname, '..', '..', '..', 'docs', 'images', 'report.png'))).toBe(true);
  });
});
