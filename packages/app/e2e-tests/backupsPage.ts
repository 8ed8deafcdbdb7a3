import { expect, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Screenshots land in an ignored folder at the repository root.
const SCREENSHOTS = resolve(__dirname, '../../../e2e-screenshots');

/** The widths the tab must fit without sideways scrolling. */
export const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
];

/** Signs in as guest and waits until the app has stored the session. */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByText('Backups for Backstage Catalog')).toBeVisible({
    timeout: 60_000,
  });
}

export async function openOdooBackups(page: Page) {
  await signIn(page);
  await page.goto('/catalog/default/component/odoo');
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/odoo\/backups/);
  await expect(page.getByTestId('backups-verdict')).toBeVisible();
  await expect(page.getByTestId('tier-table')).toBeVisible();
}

/**
 * Nothing scrolls sideways: not the document, not Backstage's page
 * container, not a table's wrapper; and no table ends past the viewport.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const layout = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = window.innerWidth;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`;
    return {
      document: {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
      },
      tablesPastViewport: [...document.querySelectorAll('table')]
        .filter(t => t.getBoundingClientRect().right > width)
        .map(t => `${describe(t)} ends at ${t.getBoundingClientRect().right}`),
      scrollingSideways: [...document.querySelectorAll('body *')]
        .filter(e => {
          const overflowX = getComputedStyle(e).overflowX;
          return (
            (overflowX === 'auto' || overflowX === 'scroll') &&
            e.scrollWidth > e.clientWidth + 1
          );
        })
        .map(e => `${describe(e)} ${e.scrollWidth} > ${e.clientWidth}`),
    };
  });
  expect(layout.document.scrollWidth).toBeLessThanOrEqual(
    layout.document.clientWidth,
  );
  expect(layout.tablesPastViewport).toEqual([]);
  expect(layout.scrollingSideways).toEqual([]);
}

/**
 * No text of the tab is cut off by a box that hides its overflow (such as
 * Backstage's one-line list items or a too narrow table header).
 */
export async function expectNoClippedText(page: Page) {
  const clipped = await page.evaluate(() => {
    const found: string[] = [];
    for (const box of document.querySelectorAll('article *')) {
      const style = getComputedStyle(box);
      if (style.overflowX !== 'hidden' && style.overflowX !== 'clip') continue;
      if (box.scrollWidth <= box.clientWidth + 1) continue;
      const right = box.getBoundingClientRect().right;
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if (range.getBoundingClientRect().right > right + 1) {
          found.push(node.textContent.trim().slice(0, 80));
        }
      }
    }
    return [...new Set(found)];
  });
  expect(clipped).toEqual([]);
}

/** The refresh note of the header is on screen, not cut off on the right. */
export async function expectRefreshNoteVisible(page: Page) {
  const note = page.getByTestId('backups-refresh-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText(/refreshes every \d+s/);
  await expect(note).toBeInViewport({ ratio: 1 });
}

/**
 * Every tier that is not healthy shows its findings without a click, each
 * within the viewport's width. Returns the codes seen per tier.
 */
export async function expectReasonsOfEveryNonHealthyTier(page: Page) {
  const width = page.viewportSize()!.width;
  const tiers = page.locator('[data-tier-status]');
  const seen: Record<string, string[]> = {};
  for (const tier of await tiers.all()) {
    if ((await tier.getAttribute('data-tier-status')) === 'healthy') continue;
    const name = (await tier.getAttribute('data-testid'))!;
    const findings = tier.locator('[data-finding-code]');
    expect(await findings.count(), `${name} shows its reasons`).toBeGreaterThan(
      0,
    );
    seen[name] = [];
    for (const finding of await findings.all()) {
      await expect(finding).toBeVisible();
      const box = (await finding.boundingBox())!;
      expect(box.x, `${name}: reason starts on screen`).toBeGreaterThanOrEqual(
        0,
      );
      expect(
        box.x + box.width,
        `${name}: reason ends on screen`,
      ).toBeLessThanOrEqual(width);
      seen[name].push((await finding.getAttribute('data-finding-code'))!);
    }
  }
  return seen;
}

/** A screenshot of the whole tab: Backstage scrolls its page container, not the document. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(
    () => document.querySelector('main')?.scrollHeight ?? window.innerHeight,
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(height, viewport.height),
  });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}
