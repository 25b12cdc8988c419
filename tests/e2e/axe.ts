import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts a page must not have: what stops or badly hinders someone using it. */
const BLOCKING = new Set(['serious', 'critical']);

/** What axe checks: the whole document, or, e.g., `{ include: { fromShadowDom: [host, inner] } }`. */
export type AxeContext = { include: { fromShadowDom: string[] } };

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/**
 * Runs axe-core on the page as it is now and returns its violations. The script is evaluated
 * rather than added as a tag, which the extension pages' content security policy forbids.
 */
export async function axeViolations(page: Page | Frame, context?: AxeContext): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (context) =>
      (window as unknown as { axe: { run(...args: unknown[]): Promise<AxeResults> } }).axe.run(
        context ?? document,
        { resultTypes: ['violations'] },
      ) as Promise<AxeResults>,
    context,
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/** One line per failing element: rule, impact, element and what axe says is wrong. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target}: ${v.help}. ${n.summary}`))
    .join('\n');
}

/** Fails, listing each one, if axe finds a serious or critical violation on the page (or part of it). */
export async function expectNoSeriousViolations(
  page: Page | Frame,
  where: string,
  context?: AxeContext,
): Promise<void> {
  const blocking = (await axeViolations(page, context)).filter((v) => BLOCKING.has(v.impact));
  if (blocking.length > 0) {
    throw new Error(
      `axe-core found serious or critical violations on ${where}:\n${describeViolations(blocking)}`,
    );
  }
}
