// Screenshots of the demo's Supervisor page doing each intervention the way a supervisor would
// (row actions menu → dialog → confirm), and of the à-la-carte page. Serves demo/ with Vite and drives
// Debian's Chromium through playwright-core; PNGs go to docs/screenshots/.
// Usage: node scripts/screenshot-console.mjs [name-filter]
import { openPage, serveDemo, shot } from './demo-server.mjs';
import { launchChromium } from './browser.mjs';

const { base, server } = await serveDemo();
const only = process.argv[2] ?? '';

const browser = await launchChromium();

const TABLE = 'supervisor-console ongoing-conversations-table';

async function open(path, { colorScheme = 'light', height = 1000 } = {}) {
  return openPage(browser, `${base}/${path}`, { label: path, colorScheme, height });
}

/** Waits for the console's first rows. */
async function ready(page) {
  await page.locator(`${TABLE} .body-row`).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
}

/** Picks a conversation in the page with a predicate on (conversation, ruleContext). */
async function pick(page, predicate) {
  return page.evaluate((source) => {
    const service = window.supervisorConsole.activeService;
    const test = new Function('c', 'ctx', `return (${source})(c, ctx);`);
    const ctx = service.ruleContext;
    const all = [...service.state.conversations.values()];
    // A customer name that only one conversation has, so the table's search finds its row alone.
    const unique = (c) => all.filter((x) => x.customerName === c.customerName).length === 1;
    const found = all.find((c) => unique(c) && test(c, ctx));
    return found ? { id: found.id, customer: found.customerName } : null;
  }, predicate.toString());
}

/** Finds a conversation's row (searching the table by customer), opens its actions menu, picks an item. */
async function rowAction(page, customer, item) {
  const search = page
    .locator(`${TABLE} [part~="search"] input, ${TABLE} input[type="search"]`)
    .first();
  await search.fill(customer);
  await page.waitForTimeout(700);
  await page.locator(`${TABLE} button[aria-label="Actions for ${customer}"]`).first().click();
  await page.locator(`${TABLE} .menu [role="menuitem"][data-action="${item}"]`).click();
  await page.waitForTimeout(300);
}

async function clearSearch(page) {
  await page
    .locator(`${TABLE} [part~="search"] input, ${TABLE} input[type="search"]`)
    .first()
    .fill('');
  await page.waitForTimeout(600);
}

const scenarios = {
  async 'console-overview-light'() {
    const { page, context } = await open('index.html?n=60&cps=5');
    await ready(page);
    await page.waitForTimeout(1500);
    await shot(page, 'console-overview-light', { fullPage: true });
    await context.close();
  },

  async 'console-overview-dark'() {
    const { page, context } = await open('index.html?n=2000&cps=100', { colorScheme: 'dark' });
    await ready(page);
    await page.waitForTimeout(2000);
    await shot(page, 'console-overview-dark', { fullPage: true });
    await context.close();
  },

  async 'console-controls-reconnecting'() {
    const { page, context } = await open('index.html?n=500&cps=20');
    await ready(page);
    await page.locator('#demo-controls summary').click();
    await page.locator('select[name="commandError"]').selectOption('forbidden:assign');
    await page.locator('input[name="noisy"]').check();
    await page.waitForTimeout(1500);
    await page.locator('#drop').click();
    await page.locator('supervisor-console [part="connection"].reconnecting').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'console-controls-reconnecting');
    await context.close();
  },

  async 'console-board-filter'() {
    const { page, context } = await open('index.html?n=60&cps=2');
    await ready(page);
    await page.locator('supervisor-console representatives-board .card').nth(1).click();
    await page.waitForTimeout(800);
    await shot(page, 'console-board-filter');
    await context.close();
  },

  async assign() {
    const { page, context } = await open('index.html?n=60&cps=1');
    await ready(page);
    const c = await pick(page, (c) => c.status === 'open' && c.representativeId === null);
    if (!c) throw new Error('No Open conversation to assign');
    await rowAction(page, c.customer, 'assign');
    const dialog = page.locator('supervisor-console assign-dialog');
    await dialog.locator('dialog[open]').waitFor();
    await shot(page, 'assign-1-choose');
    // A representative without room: the capacity override and the excess appear.
    const full = dialog.locator('.option', { hasText: 'Would exceed capacity' }).first();
    if ((await full.count()) === 0) throw new Error('No representative over capacity to show');
    await full.locator('input').check();
    const presence = dialog.locator('input[name="override-presence"]');
    if (await presence.count()) await presence.check();
    await dialog.locator('input[name="override-capacity"]').check();
    await page.waitForTimeout(200);
    await shot(page, 'assign-2-capacity-override');
    await dialog.locator('.footer button.primary').click();
    await dialog.locator('.notice.success').waitFor({ timeout: 10_000 });
    await shot(page, 'assign-3-assigned');
    await dialog.locator('.footer button.primary').click();
    await page.waitForTimeout(400);
    await shot(page, 'assign-4-log', { fullPage: true });
    await context.close();
  },

  async 'assign-dark'() {
    const { page, context } = await open('index.html?n=60&cps=1&theme=dark', {
      colorScheme: 'dark',
    });
    await ready(page);
    const c = await pick(page, (c) => c.status === 'open' && c.representativeId === null);
    await rowAction(page, c.customer, 'assign');
    const dialog = page.locator('supervisor-console assign-dialog');
    const away = dialog.locator('.option', { hasText: 'needs a presence override' }).first();
    await ((await away.count()) ? away : dialog.locator('.option').first())
      .locator('input')
      .check();
    await page.waitForTimeout(200);
    await shot(page, 'assign-6-dark');
    await context.close();
  },

  async 'assign-role-error'() {
    const { page, context } = await open('index.html?n=60&cps=1');
    await ready(page);
    await page.evaluate(() =>
      window.supervisorConsole.simulator.setFaults({
        commandError: { kind: 'forbidden', commands: ['assign'] },
      }),
    );
    const c = await pick(page, (c) => c.status === 'open' && c.representativeId === null);
    await rowAction(page, c.customer, 'assign');
    const dialog = page.locator('supervisor-console assign-dialog');
    await dialog.locator('.option input').first().check();
    // Whatever the seed, the chosen representative may need overrides: take them, so it can be sent.
    for (const box of await dialog.locator('[part="overrides"] input[type="checkbox"]').all()) {
      await box.check();
    }
    await dialog.locator('.footer button.primary').click();
    await dialog.locator('.notice.error').waitFor({ timeout: 10_000 });
    await shot(page, 'assign-5-role-error');
    await context.close();
  },

  async transfer() {
    const { page, context } = await open('index.html?n=60&cps=1');
    await ready(page);
    // Slow answers so the pending state can be seen.
    const c = await pick(
      page,
      (c, ctx) =>
        (c.status === 'active' || c.status === 'waiting') &&
        ['live-chat', 'sms', 'whatsapp', 'facebook', 'teams'].includes(c.channel) &&
        c.mode === 'text' &&
        c.representativeId !== null &&
        ctx.representatives.get(c.representativeId)?.kind === 'human' &&
        !c.pendingTransfer,
    );
    if (!c) throw new Error('No transferable conversation');
    await rowAction(page, c.customer, 'transfer');
    const dialog = page.locator('supervisor-console transfer-dialog');
    await dialog.locator('dialog[open]').waitFor();
    await dialog.locator('.option input').first().check();
    await shot(page, 'transfer-1-choose');
    await dialog.locator('.footer button.primary').click();
    await dialog.locator('.waiting').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1200);
    await shot(page, 'transfer-2-waiting');
    // Close it: the console's transfers list follows the answer.
    await dialog.locator('.footer button.primary').click();
    await page.waitForTimeout(300);
    await shot(page, 'transfer-3-pending-list', { fullPage: true });
    await page
      .locator('supervisor-console [part="transfers"] .answer')
      .first()
      .waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await shot(page, 'transfer-4-answered', { fullPage: true });
    await context.close();
  },

  async 'transfer-answer-in-dialog'() {
    const { page, context } = await open('index.html?n=60&cps=1');
    await ready(page);
    const c = await pick(
      page,
      (c, ctx) =>
        (c.status === 'active' || c.status === 'waiting') &&
        ['live-chat', 'sms', 'whatsapp', 'facebook', 'teams'].includes(c.channel) &&
        c.mode === 'text' &&
        c.representativeId !== null &&
        ctx.representatives.get(c.representativeId)?.kind === 'human' &&
        !c.pendingTransfer,
    );
    await rowAction(page, c.customer, 'transfer');
    const dialog = page.locator('supervisor-console transfer-dialog');
    await dialog.locator('.option input').first().check();
    await dialog.locator('.footer button.primary').click();
    await dialog.locator('.notice.success, .notice.warning').waitFor({ timeout: 15_000 });
    await shot(page, 'transfer-5-answer-in-dialog');
    await context.close();
  },

  async 'force-close'() {
    const { page, context } = await open('index.html?n=60&cps=1');
    await ready(page);
    const c = await pick(page, (c) => c.channel === 'voice' && c.status === 'active');
    const target = c ?? (await pick(page, (c) => c.channel !== 'record' && c.status === 'active'));
    await rowAction(page, target.customer, 'forceClose');
    const dialog = page.locator('supervisor-console force-close-dialog');
    await dialog.locator('dialog[open]').waitFor();
    await shot(page, 'force-close-1-confirm');
    await dialog.locator('button.danger').click();
    await dialog.locator('.notice.success').waitFor({ timeout: 10_000 });
    await shot(page, 'force-close-2-closed');
    await context.close();
  },

  async monitor() {
    const { page, context } = await open('index.html?n=60&cps=3');
    await ready(page);
    const c = await pick(
      page,
      (c, ctx) =>
        c.status === 'active' && c.channel !== 'record' && c.representativeId !== ctx.supervisorId,
    );
    await rowAction(page, c.customer, 'monitor');
    const panel = page.locator('supervisor-console monitor-panel');
    await panel.locator('.message').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(7000);
    await clearSearch(page);
    await shot(page, 'monitor-1-transcript');
    await panel.locator('button.join').click();
    await panel.locator('.message.system', { hasText: 'joined the conversation' }).waitFor({
      timeout: 10_000,
    });
    await page.waitForTimeout(500);
    await shot(page, 'monitor-2-joined');
    await context.close();
  },

  async 'a-la-carte'() {
    const { page, context } = await open('a-la-carte.html');
    await page
      .locator('ongoing-conversations-table .body-row')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    const id = await page.evaluate(() => {
      const ctx = window.service.ruleContext;
      const c = [...window.service.state.conversations.values()].find(
        (c) =>
          c.status === 'active' &&
          c.channel !== 'record' &&
          c.representativeId !== ctx.supervisorId,
      );
      return c?.customerName;
    });
    await page.locator(`ongoing-conversations-table input[type="search"]`).first().fill(id);
    await page.waitForTimeout(700);
    await page
      .locator(`ongoing-conversations-table button[aria-label="Actions for ${id}"]`)
      .click();
    await page
      .locator('ongoing-conversations-table .menu [role="menuitem"][data-action="monitor"]')
      .click();
    await page.locator('monitor-panel .message').first().waitFor({ timeout: 10_000 });
    await page.locator(`ongoing-conversations-table input[type="search"]`).first().fill('');
    await page.waitForTimeout(1500);
    await shot(page, 'a-la-carte', { fullPage: true });
    await context.close();
  },
};

try {
  for (const [name, run] of Object.entries(scenarios)) {
    if (only && !name.includes(only)) continue;
    try {
      await run();
    } catch (err) {
      console.error(`${name} failed:`, err);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  await server.close();
}
