// Screenshots of "who else is here" and whisper (#11) in the demo's Supervisor page: the monitor
// panel on a conversation another simulated supervisor watches or joined, after a whisper was sent
// (marked in the transcript) and with the next one in the composer; and the table's Monitoring
// column naming the other supervisors. Serves demo/ with Vite and drives Debian's Chromium through
// playwright-core; PNGs go to docs/screenshots/whisper-*.png.
// Usage: node scripts/screenshot-whisper.mjs
import { openPage, serveDemo, shot } from './demo-server.mjs';
import { launchChromium } from './browser.mjs';

const { base, server } = await serveDemo();
const browser = await launchChromium();
const PANEL = 'supervisor-console monitor-panel';

async function run(colorScheme, suffix) {
  const { page, context } = await openPage(browser, `${base}/index.html?n=30&cps=0.5&seed=11`, {
    colorScheme,
    height: 1100,
  });
  await page.locator('supervisor-console [part="connection"].live').waitFor({ timeout: 30_000 });
  // Wait until another supervisor is on a conversation one can whisper on (they act about once a
  // second), then open the monitor panel on it as the row's Monitor action does.
  const handle = await page.waitForFunction(
    () => {
      const service = window.supervisorConsole.activeService;
      const me = service.ruleContext.supervisorId;
      const c = [...service.state.conversations.values()].find(
        (c) =>
          c.status === 'active' &&
          c.mode === 'text' &&
          !['voice', 'record'].includes(c.channel) &&
          c.representativeId !== null &&
          c.representativeId !== me &&
          service.state.representatives.get(c.representativeId)?.kind === 'human' &&
          [...c.monitoredBy, ...c.joinedBy].some((id) => id !== me),
      );
      return c?.id ?? false;
    },
    undefined,
    { timeout: 60_000, polling: 250 },
  );
  const id = await handle.jsonValue();
  await page.evaluate((conversationId) => {
    const consoleEl = window.supervisorConsole;
    const table = consoleEl.shadowRoot.querySelector('ongoing-conversations-table');
    const conversation = consoleEl.activeService.getConversation(conversationId);
    table.shadowRoot.firstElementChild.dispatchEvent(
      new CustomEvent('sc-action-request', {
        detail: { action: 'monitor', conversationId, conversation },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }, id);
  const composer = page.locator(`${PANEL} #whisper-text`);
  await composer.waitFor({ timeout: 15_000 });
  await composer.fill('Offer the replacement with express shipping.');
  await composer.press('Enter');
  await page.locator(`${PANEL} .message.whisper`).waitFor({ timeout: 15_000 });
  await composer.fill('She may also want the invoice re-sent.');
  await page.waitForTimeout(600);
  await shot(page.locator(PANEL), `whisper-panel${suffix}`);
  await shot(page, `whisper-console${suffix}`);
  await context.close();
}

try {
  await run('light', '');
  await run('dark', '-dark');
} finally {
  await browser.close();
  await server.close();
}
