// What both smoke scripts start with: the dev harness on a free port, Debian's headless chromium
// (playwright-core, no browser download), one 1440×900 page whose errors are collected, and
// open(url), which waits until the workspace is mounted and ready.
import { chromium } from 'playwright-core';
import { startHarness, resetFakeHub } from './harness.mjs';

export async function startSmoke() {
  const server = await startHarness(0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  resetFakeHub();
  const open = async (url) => {
    await page.goto(url);
    await page.waitForFunction(() => window.__mountedAt != null, null, { timeout: 60000 });
    await page.evaluate(() => window.__weakseg.ready);
  };
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    page, errors, open,
    step: (s) => console.log(`· ${s}`),
    async close() { await browser.close(); server.close(); },
  };
}
