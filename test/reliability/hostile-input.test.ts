/**
 * Hostile input: every text field the backend supplies (customer names, subjects, representative and
 * queue names, custom presences, the supervisor's name, transcript messages and their authors, error
 * details, connection messages) filled from the hostile corpus, rendered in every element through the
 * console. Script execution is detected (payloads call `window.__pwned++`), not assumed; the literal
 * text must be there as text; no element may come from a payload; the layout must hold. Then unknown
 * enum values and missing fields: shown sensibly, no exception, still accessible.
 */
import '../setup.js';
import '../../src/components/supervisor-console/supervisor-console.define.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { CentreSnapshot } from '../../src/adapters/backend-adapter.js';
import type { AssignDialog } from '../../src/components/assign-dialog/assign-dialog.js';
import type { ForceCloseDialog } from '../../src/components/force-close-dialog/force-close-dialog.js';
import type { MonitorPanel } from '../../src/components/monitor-panel/monitor-panel.js';
import type { OngoingConversationsTable } from '../../src/components/ongoing-conversations-table/ongoing-conversations-table.js';
import type { RepresentativesBoard } from '../../src/components/representatives-board/representatives-board.js';
import type { SupervisorConsole } from '../../src/components/supervisor-console/supervisor-console.js';
import type { TransferDialog } from '../../src/components/transfer-dialog/transfer-dialog.js';
import { commandError, type Conversation, type TranscriptMessage } from '../../src/domain/index.js';
import { ALL_ON, conversation, representative } from '../fixtures/domain.js';
import { connectedService, settle, type Harness } from '../fixtures/element-harness.js';
import {
  HOSTILE,
  SCRIPT_PAYLOADS,
  armDetector,
  deepText,
  executions,
  hostile,
  injectedElements,
  reportCases,
} from './corpus.js';

const N = HOSTILE.length;

/** Every backend text field from the corpus: conversation i has payload i as its customer name. */
function hostileSnapshot(): CentreSnapshot {
  return {
    supervisor: { id: 'sup-1', name: hostile(3) },
    settings: ALL_ON,
    queues: HOSTILE.map((_, i) => ({ id: `q-${i}`, name: hostile(i) })),
    representatives: HOSTILE.map((_, i) =>
      representative({
        id: `rep-${i}`,
        name: hostile(i),
        presence: i % 4 === 3 ? hostile(i) : 'available',
        capacity: { total: 100, used: 0 },
        queueIds: [`q-${i}`],
      }),
    ),
    conversations: HOSTILE.map((_, i) =>
      conversation({
        id: `c-${i}`,
        version: 1,
        customerName: hostile(i),
        subject: hostile(i + 5),
        queueId: `q-${i}`,
        status: i === 0 ? 'open' : 'active',
        representativeId: i === 0 ? null : `rep-${i}`,
        acceptedAt: i === 0 ? null : 1000,
      }),
    ),
  };
}

function hostileTranscript(id: string): TranscriptMessage[] {
  return HOSTILE.map((_, i) => ({
    id: `m-${i}`,
    conversationId: id,
    at: 1000 + i,
    author: i % 2 ? 'customer' : 'representative',
    authorName: hostile(i + 2),
    text: hostile(i),
  }));
}

/** Whitespace-insensitive text presence (line breaks and tabs may be rendered as spaces). */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const shows = (root: Node, s: string) => norm(s) === '' || norm(deepText(root)).includes(norm(s));

const inner = <T extends Element>(root: Element, selector: string): T =>
  root.shadowRoot!.querySelector<T>(selector)!;

interface Scene {
  h: Harness;
  el: SupervisorConsole;
  errors: string[];
}

let scene: Scene | null = null;
const errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(String(e.message));

async function mountConsole(snapshot: CentreSnapshot): Promise<Scene> {
  const h = await connectedService(snapshot);
  // Not `fixture()`: it is removed after each test, and these scenes span a describe block.
  const wrapper = document.createElement('div');
  wrapper.style.cssText = 'width: 1200px; --sc-table-height: 2400px';
  render(html`<supervisor-console .service=${h.service}></supervisor-console>`, wrapper);
  document.body.append(wrapper);
  const el = wrapper.querySelector('supervisor-console')!;
  await settle(80);
  return { h, el, errors };
}

/** Waits for an element in a dialog's shadow root. */
async function until<T extends HTMLElement = HTMLInputElement>(
  d: Element,
  selector: string,
): Promise<T> {
  await waitUntil(() => d.shadowRoot!.querySelector(selector), `${selector} in ${d.localName}`, {
    timeout: 3000,
  });
  return d.shadowRoot!.querySelector<T>(selector)!;
}

/** Answers the last command with an error whose detail is a payload, and waits for it to show. */
async function failWith(h: Harness, detail: string): Promise<void> {
  h.adapter.last().answer({ ok: false, error: commandError('invalid', detail) });
  await settle(40);
}

describe('reliability: hostile input', function () {
  this.timeout(20_000);
  reportCases('input');

  before(async () => {
    window.addEventListener('error', onError);
    armDetector();
    scene = await mountConsole(hostileSnapshot());
    const { h } = scene;
    h.adapter.emit({ type: 'status', status: 'reconnecting', message: SCRIPT_PAYLOADS[1] });
    h.adapter.emit({ type: 'problem', message: SCRIPT_PAYLOADS[0] });
    await settle(40);
  });

  after(() => {
    window.removeEventListener('error', onError);
    scene?.h.service.dispose();
    scene?.el.parentElement?.remove();
    scene = null;
  });

  /** Where each payload is looked for, and how that place is brought on screen. */
  const PLACES: readonly {
    name: string;
    /** Shows the payload `i` in the place, returns the element to search. */
    show(s: Scene, i: number): Promise<Element>;
  }[] = [
    {
      name: 'table (customer name, subject, representative, queue)',
      async show(s) {
        return inner<OngoingConversationsTable>(s.el, 'ongoing-conversations-table');
      },
    },
    {
      name: 'representatives board (name, custom presence)',
      async show(s) {
        const board = inner<RepresentativesBoard>(s.el, 'representatives-board');
        return board;
      },
    },
    {
      name: 'assign dialog (representative and queue names, error detail)',
      async show(s, i) {
        const d = inner<AssignDialog>(s.el, 'assign-dialog');
        s.el.open('assign', 'c-0');
        const option = await until(d, `.option[data-id="rep-${i}"] input`);
        option.click();
        await d.updateComplete;
        d.shadowRoot!.querySelector<HTMLButtonElement>('.footer button.primary')!.click();
        await settle(20);
        await failWith(s.h, hostile(i));
        return d;
      },
    },
    {
      name: 'transfer dialog (representative names, error detail)',
      async show(s, i) {
        const d = inner<TransferDialog>(s.el, 'transfer-dialog');
        const from = i === 1 ? 2 : 1;
        s.el.open('transfer', `c-${from}`);
        if (i === from) {
          await until(d, '.option');
          return d;
        }
        (await until(d, `.option[data-id="rep-${i}"] input`)).click();
        await d.updateComplete;
        d.shadowRoot!.querySelector<HTMLButtonElement>('.footer button.primary')!.click();
        await settle(20);
        await failWith(s.h, hostile(i));
        return d;
      },
    },
    {
      name: 'force-close dialog (customer name, subject, error detail)',
      async show(s, i) {
        const d = inner<ForceCloseDialog>(s.el, 'force-close-dialog');
        s.el.open('forceClose', `c-${i}`);
        (await until(d, 'button.danger')).click();
        await settle(20);
        await failWith(s.h, hostile(i));
        return d;
      },
    },
    {
      name: 'monitor panel (transcript messages and authors, header)',
      async show(s, i) {
        const id = i === 0 ? 'c-1' : `c-${i}`;
        s.el.open('monitor', id);
        await settle(40);
        const panel = inner<MonitorPanel>(s.el, 'monitor-panel');
        const stream = s.h.adapter.transcripts.get(id);
        stream?.next({ type: 'snapshot', messages: hostileTranscript(id) });
        if (s.h.adapter.received.at(-1)?.name === 'monitor')
          s.h.adapter.last().answer({ ok: true });
        await settle(40);
        return panel;
      },
    },
    {
      name: 'console (supervisor name, connection message, log of failures)',
      async show(s) {
        return s.el;
      },
    },
  ];

  for (const place of PLACES) {
    describe(place.name, () => {
      afterEach(async () => {
        // Close whatever the row opened, so the next row starts from the console alone.
        const root = scene!.el.shadowRoot!;
        for (const tag of ['assign-dialog', 'transfer-dialog', 'force-close-dialog'])
          (root.querySelector(tag) as AssignDialog | null)?.close();
        await settle(10);
      });
      for (let i = 0; i < N; i += 1) {
        const payload = hostile(i);
        const label = JSON.stringify(
          payload.length > 40 ? `${payload.slice(0, 40)}… (${payload.length})` : payload,
        );
        it(`${label}: rendered as text, nothing executed, no element injected`, async () => {
          const s = scene!;
          const where = await place.show(s, i);
          await settle(20);
          expect(executions(), 'script executions').to.equal(0);
          expect(injectedElements(s.el), 'elements from payloads').to.deep.equal([]);
          // The table, board and console hold every payload at once; the others show the row's own.
          expect(shows(where, payload), `"${payload.slice(0, 60)}" shown as text`).to.equal(true);
          expect(s.errors, 'exceptions').to.deep.equal([]);
        });
      }
    });
  }

  describe('layout', () => {
    it('a 10,000-character name keeps rows at one height and the table inside its container', async () => {
      const s = scene!;
      const table = inner<OngoingConversationsTable>(s.el, 'ongoing-conversations-table');
      const rows = [
        ...table.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]'),
      ].filter((r) => r.getAttribute('aria-rowindex') !== '1');
      expect(rows.length).to.be.greaterThan(5);
      const heights = new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height)));
      expect([...heights], 'row heights').to.have.length(1);
      const container = s.el.parentElement!.getBoundingClientRect().width;
      expect(s.el.getBoundingClientRect().width).to.be.at.most(container + 0.5);
      expect(table.getBoundingClientRect().width).to.be.at.most(container + 0.5);
      const board = inner<RepresentativesBoard>(s.el, 'representatives-board');
      expect(board.getBoundingClientRect().width).to.be.at.most(container + 0.5);
    });

    it('an RTL override does not flip the neighbouring cell (names are isolated)', async () => {
      const s = scene!;
      const table = inner<OngoingConversationsTable>(s.el, 'ongoing-conversations-table');
      const rtl = HOSTILE.findIndex((x) => x.includes('\u202E'));
      const row = [...table.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')].find((r) =>
        r.textContent!.includes('evil right-to-left'),
      );
      expect(row, `row ${rtl}`).to.exist;
      const cells = [
        ...row!.querySelectorAll<HTMLElement>('[role="gridcell"], [role="rowheader"]'),
      ];
      const i = cells.findIndex((c) => c.textContent!.includes('evil right-to-left'));
      const next = cells[i + 1]!;
      const normal = [...table.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')]
        .find(
          (r) => r !== row && r.querySelectorAll('[role="gridcell"]').length === cells.length - 1,
        )
        ?.querySelectorAll<HTMLElement>('[role="gridcell"], [role="rowheader"]')[i + 1];
      expect(next.getBoundingClientRect().left).to.be.closeTo(
        normal?.getBoundingClientRect().left ?? next.getBoundingClientRect().left,
        1,
      );
      expect(getComputedStyle(next).direction).to.equal('ltr');
    });

    it('every right-to-left override from the backend is isolated from the text around it', async () => {
      const s = scene!;
      // Bring the payload into the dialogs and the panel too.
      const rtl = HOSTILE.findIndex((x) => x.includes('\u202E'));
      await PLACES[5]!.show(s, rtl);
      await PLACES[4]!.show(s, rtl);
      const leaks: string[] = [];
      const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE && node.textContent!.includes('\u202E')) {
          let el = node.parentElement;
          let isolated = false;
          // Up to the block that holds the line: isolated on the way, or alone in that block.
          while (el) {
            const style = getComputedStyle(el);
            if (/isolate|plaintext/.test(style.unicodeBidi) || el.localName === 'bdi') {
              isolated = true;
              break;
            }
            if (!style.display.startsWith('inline') || style.display === 'inline-block') {
              isolated = norm(el.textContent ?? '') === norm(node.textContent ?? '');
              break;
            }
            el = el.parentElement;
          }
          if (!isolated) {
            const host = (node.getRootNode() as ShadowRoot).host?.localName;
            leaks.push(
              `${host} <${node.parentElement?.localName} class="${node.parentElement?.className}">: ${norm(node.parentElement?.textContent ?? '').slice(0, 80)}`,
            );
          }
        }
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
        for (const child of node.childNodes) walk(child);
      };
      walk(s.el);
      inner<ForceCloseDialog>(s.el, 'force-close-dialog').close();
      await settle(10);
      expect(leaks, 'text an override could flip').to.deep.equal([]);
    });

    it('dialogs and the monitor panel stay within the viewport with the longest strings', async () => {
      const s = scene!;
      await PLACES[5]!.show(
        s,
        HOSTILE.findIndex((x) => x.length === 10_000),
      );
      const panel = inner<MonitorPanel>(s.el, 'monitor-panel');
      expect(panel.getBoundingClientRect().right).to.be.at.most(window.innerWidth + 0.5);
      await PLACES[4]!.show(
        s,
        HOSTILE.findIndex((x) => x.length === 10_000),
      );
      const dialog = inner<ForceCloseDialog>(s.el, 'force-close-dialog').shadowRoot!.querySelector(
        'dialog',
      )!;
      expect(dialog.getBoundingClientRect().width).to.be.at.most(window.innerWidth);
      inner<ForceCloseDialog>(s.el, 'force-close-dialog').close();
      await settle(10);
    });

    it('the console with every payload is accessible', async () => {
      await expect(scene!.el).to.be.accessible();
      expect(executions()).to.equal(0);
    });
  });
});

describe('reliability: unknown enum values and missing fields', function () {
  this.timeout(20_000);
  reportCases('input (unknown values)');

  const odd = {
    ...conversation({ id: 'odd', channel: 'carrier-pigeon' as Conversation['channel'] }),
    status: 'escalated-to-legal',
    customerName: undefined,
    subject: undefined,
    sentiment: undefined,
    mode: 'hologram',
    representativeId: 'rep-nobody',
    queueId: 'q-nowhere',
  } as unknown as Conversation;
  const boat = representative({ id: 'rep-boat', name: 'Bo Boat', presence: 'On a boat' });
  const nameless = { ...representative({ id: 'rep-x' }), name: undefined } as never;

  const CASES: readonly { label: string; check(s: Scene): Promise<void> | void }[] = [
    {
      label:
        'the table shows the new channel and status as sent, and a missing customer name as Unnamed customer',
      check(s) {
        const table = inner<OngoingConversationsTable>(s.el, 'ongoing-conversations-table');
        const text = deepText(table);
        expect(text).to.match(/carrier.pigeon/i);
        expect(text).to.match(/escalated.to.legal/i);
        expect(text).to.include('Unnamed customer');
      },
    },
    {
      label: 'the board shows a custom presence as sent',
      check(s) {
        expect(deepText(inner(s.el, 'representatives-board'))).to.include('On a boat');
      },
    },
    {
      label: 'the row menu opens and explains, no exception',
      async check(s) {
        const table = inner<OngoingConversationsTable>(s.el, 'ongoing-conversations-table');
        const row = [...table.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')].find((r) =>
          /carrier.pigeon/i.test(r.textContent ?? ''),
        );
        expect(row).to.exist;
        row!.querySelector<HTMLButtonElement>('button.actions')!.click();
        await settle(30);
        expect(deepText(table)).to.include('Monitor');
      },
    },
    {
      label: 'the monitor panel opens on it',
      async check(s) {
        s.el.open('monitor', 'odd');
        await settle(40);
        expect(inner(s.el, 'monitor-panel')).to.exist;
      },
    },
    {
      label: 'the force-close dialog opens on it',
      async check(s) {
        s.el.open('forceClose', 'odd');
        await settle(30);
        inner<ForceCloseDialog>(s.el, 'force-close-dialog').close();
      },
    },
    {
      label: 'the whole console is still accessible',
      async check(s) {
        await expect(s.el).to.be.accessible();
      },
    },
  ];

  let s: Scene | null = null;
  before(async () => {
    errors.length = 0;
    window.addEventListener('error', onError);
    const snapshot: CentreSnapshot = {
      ...hostileSnapshot(),
      queues: [{ id: 'q-0', name: 'General' }],
      representatives: [boat, nameless, representative()],
      conversations: [odd, conversation({ id: 'plain', customerName: 'Pat Plain' })],
    };
    s = await mountConsole(snapshot);
    await waitUntil(() => deepText(s!.el).includes('Pat Plain'), 'rendered');
  });
  after(() => {
    window.removeEventListener('error', onError);
    s?.h.service.dispose();
    s?.el.parentElement?.remove();
  });

  for (const c of CASES) {
    it(c.label, async () => {
      await c.check(s!);
      expect(errors, 'exceptions').to.deep.equal([]);
      expect(s!.h.service.state.conversations.has('odd'), 'kept, not skipped').to.equal(true);
    });
  }
});
