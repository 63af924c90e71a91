// mesh graph's HTML page in a real headless Chromium (npm run test:browser): it loads with no console error and no
// request but the file itself, every service of the input is a visible node, the 90/10 split reads 90% and 10%,
// a click shows a node's configuration and file:line, problem nodes are coloured, an empty input shows its note.
// Screenshots go to test-results/ (git-ignored) for a person to look at; the page's interactive time is logged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { MeshGraph } from '../../src/core/graph/model.js';
import { meshYaml } from '../../bench/graph-input.mjs';
import { startChromium } from './chromium.js';

const ORDERING = 'test/golden/graph/fixtures/ordering-mesh.yaml';
const RESULTS = 'test-results';
let browser: Awaited<ReturnType<typeof startChromium>>;
let dir: string;

beforeAll(async () => {
  browser = await startChromium();
  dir = mkdtempSync(join(tmpdir(), 'mesh-graph-page-'));
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Renders the page for `args` (and the same graph as JSON, to know what it must show). */
async function render(name: string, args: string[]): Promise<{ url: string; graph: MeshGraph }> {
  const file = join(dir, `${name}.html`);
  const page = await runCli(['graph', ...args, '--use-kube=false', '--output', file]);
  expect(page.code, page.stderr).toBe(0);
  const json = await runCli(['graph', ...args, '--use-kube=false', '-o', 'json']);
  return { url: pathToFileURL(file).href, graph: JSON.parse(json.stdout) as MeshGraph };
}

/** Opens `url`, recording console errors and every request; resolves once the page's script is done. */
async function open(url: string): Promise<{ page: Page; errors: string[]; requests: string[]; readyMs: number }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('request', (r) => void requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  const readyMs = await page.evaluate(() => (globalThis as unknown as { meshGraphReadyMs: number }).meshGraphReadyMs);
  return { page, errors, requests, readyMs };
}

const node = (id: string): string => `g.node[data-id="${id}"]`;

/** The computed style property of an element (evaluated in the page; the DOM types are not in this project's lib). */
const style = (el: unknown, property: string): string =>
  (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)[property]!;

describe('mesh graph page', () => {
  it('the ordering app: loads clean, shows every service, the 90/10 split, and a node config with file:line on click', async () => {
    const { url, graph } = await render('ordering', ['-f', ORDERING]);
    const { page, errors, requests, readyMs } = await open(url);
    console.log(`ordering app page interactive after ${readyMs} ms`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const services = graph.nodes.filter((n) => n.kind === 'service');
    expect(services.map((s) => s.label).sort()).toEqual(['booking', 'inventory', 'shipping']);
    const canvas = (await page.locator('#canvas').boundingBox())!;
    for (const s of services) {
      const box = await page.locator(node(s.id)).boundingBox();
      expect(box, s.id).not.toBeNull();
      expect(box!.width).toBeGreaterThan(20);
      expect(box!.x >= canvas.x && box!.x + box!.width <= canvas.x + canvas.width + 1, `${s.id} inside the canvas`).toBe(true);
      await expect.poll(() => page.locator(node(s.id)).isVisible()).toBe(true);
    }
    const split = graph.edges.filter((e) => e.from === 'virtualservice:ordering/shipping' && e.kind === 'route');
    const labels = await Promise.all(split.map((e) => page.locator(`g.edge[data-id="${e.id}"] text`).textContent()));
    expect(labels.sort()).toEqual(['10%', '90%']);
    const booking = services.find((s) => s.label === 'booking')!;
    await page.locator(node(booking.id)).click();
    const details = page.locator('#details');
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = (await details.textContent()) ?? '';
    expect(text).toContain(`${ORDERING}:${booking.source!.line}`);
    expect(text).toContain('Configuration');
    expect(text).toContain('kind: Service');
    expect(await page.locator(`${node(booking.id)}.selected`).count()).toBe(1);
    await page.locator('#search').fill('shipping');
    expect(await page.locator('#matches').textContent()).toMatch(/^\d+ match/);
    expect(await page.locator('g.node.match').count()).toBe(graph.nodes.filter((n) => `${n.id} ${n.label}`.includes('shipping')).length);
    await page.locator('#search').fill('');
    await page.screenshot({ path: join(RESULTS, 'graph.png') });
    await page.close();
  });

  it('samples/: problem nodes are coloured and carry their code and file:line', async () => {
    const { url, graph } = await render('samples', ['-f', 'samples/', '-R']);
    const { page, errors, requests } = await open(url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const missing = graph.nodes.find((n) => n.id === 'host:bookings.ordering.svc.cluster.local')!;
    expect(missing.problems.map((p) => p.code)).toEqual(['IST0101']);
    const rect = page.locator(`${node(missing.id)} rect`);
    expect(await rect.evaluate(style, 'fill')).toBe('rgb(255, 235, 238)');
    expect(await rect.evaluate(style, 'stroke')).toBe('rgb(198, 40, 40)');
    const clean = page.locator(`${node('host:inventory.ordering.svc.cluster.local')} rect`);
    expect(await clean.evaluate(style, 'fill')).not.toBe('rgb(255, 235, 238)');
    await page.locator(node(missing.id)).click();
    expect(await page.locator('#details').textContent()).toContain(`IST0101 ${missing.problems[0]!.file}:${missing.problems[0]!.line}`);
    await page.screenshot({ path: join(RESULTS, 'graph-problems.png') });
    await page.close();
  });

  it('an empty input shows its note, not a blank page', async () => {
    const { url } = await render('empty', ['-f', 'test/golden/graph/fixtures/empty.yaml']);
    const { page, errors } = await open(url);
    expect(errors).toEqual([]);
    expect(await page.locator('.note').textContent()).toMatch(/^nothing to draw/);
    await page.close();
  });

  it.each([500, 2000])('a mesh of %i services: every service is a node, and the page becomes interactive (time logged)', async (services) => {
    const input = join(dir, `mesh-${services}.yaml`);
    writeFileSync(input, meshYaml(services));
    const { url } = await render(`mesh-${services}`, ['-f', input]);
    const { page, errors, requests, readyMs } = await open(url);
    console.log(`page of ${services} services interactive after ${readyMs} ms`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('g.node.kind-service').count()).toBe(services);
    // Search steps to the first match and shows it; a click on a node far out of the fitted view is dispatched.
    await page.locator('#search').fill('svc-1');
    await page.locator('#search').press('Enter');
    expect(await page.locator('#details h2').textContent()).toContain('svc-1');
    await page.locator(node('host:svc-3.team-0.svc.cluster.local')).dispatchEvent('click');
    expect(await page.locator('#details').textContent()).toContain('kind: Service');
    if (services === 500) await page.screenshot({ path: join(RESULTS, 'graph-500.png') });
    await page.close();
  });
});
