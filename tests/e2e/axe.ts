import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's own source, from node_modules (the package carries it as a string): nothing from a CDN. */
const AXE_SOURCE = axe.source;

interface AxeNode {
  target: string[];
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

/** What the axe run found that a WCAG 2.2 AA reviewer would block on: serious and critical violations. */
export interface Blocker {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in `page` against WCAG 2.0–2.2 A/AA and best-practice rules, limited to `include`
 * (CSS selectors; a shadow host's tree is included with it), and returns its serious and critical
 * violations. Evaluated over the DevTools protocol, so an extension page's CSP (no inline script)
 * does not stop it.
 */
export async function axeBlockers(page: Page, include?: string[]): Promise<Blocker[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selectors) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    const context = selectors ? { include: selectors.map((selector) => [selector]) } : document;
    const result = (await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return result.violations;
  }, include ?? null);
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      // Where, and axe's reason for each node (for contrast: both colours and the ratio).
      targets: violation.nodes.map(
        (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
      ),
    }));
}
