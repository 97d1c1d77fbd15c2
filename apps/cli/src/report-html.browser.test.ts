// report.html in a real headless Chromium: counts, findings by rule, the wave graph, filtering by
// click and by search, hostile text, and a screenshot. CI machines may have no browser: then this
// file skips with the reason in its title, never fails.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReportHtml, type PlanDocument } from '@baton/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { REPO_DIR } from './test-support/shared-inputs.js';

const CANDIDATES = [process.env.BATON_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromiumPath = CANDIDATES.find((candidate): candidate is string => !!candidate && existsSync(candidate));
const TITLE = chromiumPath
  ? `report.html in headless Chromium (${chromiumPath})`
  : 'report.html in headless Chromium: SKIPPED, no Chromium found (apt-get install chromium, or set BATON_CHROMIUM)';

describe.skipIf(!chromiumPath)(TITLE, () => {
  let context: BrowserContext;
  let plan: PlanDocument;
  let reportUrl: string;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'baton-browser-'));
    const io = memoryIo();
    const code = await runCli(['plan', '--from', path.join(REPO_DIR, 'examples/estate/groups.json'), '--out', path.join(work, 'plan'), '--fail-on', 'never'], io);
    expect(code, io.err()).toBe(0);
    plan = JSON.parse(readFileSync(path.join(work, 'plan/plan.json'), 'utf8'));
    reportUrl = pathToFileURL(path.join(work, 'plan/report.html')).href;
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'baton-chromium-profile-')), {
      executablePath: chromiumPath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  /** Opens a page and records anything the page complains about (script errors, CSP violations). */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`);
    });
    await page.goto(url);
    return { page, problems };
  }

  const visibleRows = (page: Page) => page.locator('#workload-table tbody tr:visible').count();

  it('shows the plan’s status counts, every workload, and the findings by rule', async () => {
    const { page, problems } = await open(reportUrl);
    for (const key of ['workloads', 'blocked', 'degraded', 'ready'] as const) {
      const expected = key === 'workloads' ? plan.summary.workloads : plan.summary[key];
      expect(await page.locator(`#summary [data-count="${key}"]`).innerText()).toBe(String(expected));
    }
    expect(await visibleRows(page)).toBe(plan.workloads.length);

    const byRule = new Map<string, number>();
    for (const w of plan.workloads) for (const f of w.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    for (const f of plan.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const rules = await page.locator('#findings details[data-rule]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-rule'), Number(n.getAttribute('data-count'))]));
    expect(new Map(rules as [string, number][])).toEqual(byRule);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the dependency waves as an SVG graph with a box per workload', async () => {
    const { page } = await open(reportUrl);
    const graph = page.locator('#waves svg.wave-graph');
    await expect(graph.isVisible()).resolves.toBe(true);
    expect(await graph.getAttribute('data-level')).toBe('workload');
    expect(await graph.locator('a.node').count()).toBe(plan.workloads.length);
    expect(await graph.locator('text.wave-head').count()).toBe(plan.waves.length);
    expect(await graph.locator('path.edge').count()).toBeGreaterThan(0);
    const box = await graph.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await page.close();
  });

  it('filters the workloads by status with a click, by search, and from a rule', async () => {
    const { page, problems } = await open(reportUrl);
    await page.click('label[for="f-blocked"]');
    expect(await visibleRows(page)).toBe(plan.summary.blocked);
    expect(await page.locator('#workload-table tbody tr:visible[data-status="blocked"]').count()).toBe(plan.summary.blocked);
    await page.click('label[for="f-ready"]');
    expect(await visibleRows(page)).toBe(plan.summary.ready);
    await page.click('label[for="f-all"]');
    expect(await visibleRows(page)).toBe(plan.workloads.length);

    const ruleId = 'kubernetes/base-image-required';
    const withRule = plan.workloads.filter((w) => w.findings.some((f) => f.ruleId === ruleId)).length;
    expect(withRule).toBeGreaterThan(1);
    await page.fill('#q', ruleId);
    expect(await visibleRows(page)).toBe(withRule);
    await page.fill('#q', '');
    expect(await visibleRows(page)).toBe(plan.workloads.length);

    // from the rule's section: open it, click its button, the table shows its workloads
    const rule = page.locator(`#findings details[data-rule="${ruleId}"]`);
    await rule.locator('summary').click();
    await rule.locator('button[data-q]').click();
    expect(await page.inputValue('#q')).toBe(ruleId);
    expect(await visibleRows(page)).toBe(withRule);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs no injected markup from hostile ids and messages', async () => {
    const hostile = `</script><img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const evil: PlanDocument = {
      ...plan,
      workloads: plan.workloads.map((w, index) =>
        index === 0 ? { ...w, id: `/x/${hostile}`, namespace: hostile, findings: w.findings.map((f) => ({ ...f, message: hostile, hint: hostile, ruleId: `${f.ruleId}${hostile}` })) } : w,
      ),
    };
    const file = path.join(work, 'hostile.html');
    writeFileSync(file, renderReportHtml(evil));
    const { page, problems } = await open(pathToFileURL(file).href);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('#workload-table tbody tr').count()).toBe(plan.workloads.length);
    expect(await page.getByText(`/x/${hostile}`, { exact: true }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes a full-page screenshot', async () => {
    const { page } = await open(reportUrl);
    const file = path.join(work, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    console.info(`report.html screenshot: ${file}`);
    await page.close();
  });
});
