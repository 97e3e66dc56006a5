/**
 * Languages and reading direction: switching the locale re-renders mounted elements in German and back
 * (table, dialog, monitor panel, rule refusals, role guidance), dates and durations follow the locale
 * through `Intl`, and under `dir="rtl"` the elements mirror. Each state is checked with axe.
 */
import '../setup.js';
import '../../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import '../../src/components/force-close-dialog/force-close-dialog.define.js';
import '../../src/components/monitor-panel/monitor-panel.define.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  SUPERVISOR_LOCALES,
  followDocumentLanguage,
  getSupervisorLocale,
  supervisorLocaleFor,
  isSupervisorLocale,
  setSupervisorLocale,
} from '../../src/i18n/index.js';
import {
  canMonitor,
  canTransfer,
  commandError,
  describeCommandError,
  statusLabel,
} from '../../src/domain/index.js';
import { describeDuration, formatClock, formatCount } from '../../src/internal/format.js';
import { nextCell } from '../../src/components/ongoing-conversations-table/grid-keyboard-controller.js';
import type { ForceCloseDialog } from '../../src/components/force-close-dialog/force-close-dialog.js';
import type { MonitorPanel } from '../../src/components/monitor-panel/monitor-panel.js';
import type { OngoingConversationsTable } from '../../src/components/ongoing-conversations-table/ongoing-conversations-table.js';
import { context, conversation } from '../fixtures/domain.js';
import { $, $$, mountTable, settled } from '../fixtures/conversations-table.js';
import { connectedService, openDialog, settle } from '../fixtures/element-harness.js';

const headers = (el: OngoingConversationsTable) =>
  $$(el, '[role="columnheader"]').map((h) => h.textContent!.trim());

afterEach(async () => {
  await setSupervisorLocale('en');
});

describe('locales', () => {
  it('lists English and German and rejects others', async () => {
    expect(SUPERVISOR_LOCALES).to.deep.equal(['en', 'de']);
    expect(isSupervisorLocale('de')).to.equal(true);
    expect(isSupervisorLocale('fr')).to.equal(false);
    let error: unknown;
    await setSupervisorLocale('fr' as 'de').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
    expect(getSupervisorLocale()).to.equal('en');
  });

  it('can follow the lang attribute of the document (base language match)', async () => {
    expect(supervisorLocaleFor('de-AT')).to.equal('de');
    expect(supervisorLocaleFor('fr')).to.equal('en');
    const root = document.createElement('div');
    root.lang = 'de-DE';
    const stop = followDocumentLanguage(root);
    await waitUntil(() => getSupervisorLocale() === 'de', 'follows lang="de-DE"');
    root.lang = 'en-GB';
    await waitUntil(() => getSupervisorLocale() === 'en', 'follows lang="en-GB"');
    stop();
    root.lang = 'de';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getSupervisorLocale(), 'stopped following').to.equal('en');
  });

  it('domain sentences follow the locale: labels, rule refusals, role guidance', async () => {
    const ctx = context();
    const open = conversation({ status: 'open', representativeId: null });
    const voice = conversation({ channel: 'live-chat', mode: 'voice' });
    expect(canMonitor(ctx, open)).to.deep.include({
      detail: 'Only Active or Wrap-up conversations can be monitored.',
    });
    await setSupervisorLocale('de');
    expect(getSupervisorLocale()).to.equal('de');
    expect(statusLabel('waiting')).to.equal('Wartend');
    expect(canMonitor(ctx, open)).to.deep.include({
      detail: 'Nur aktive Unterhaltungen oder solche im Abschluss können überwacht werden.',
    });
    expect(canTransfer(ctx, voice)).to.deep.include({
      detail:
        'Diese Unterhaltung wurde zu einem Anruf eskaliert; sie kann nicht mehr weitergeleitet werden.',
    });
    // An error made in English (as adapters make them) is explained in German, product name kept.
    await setSupervisorLocale('en');
    const forbidden = commandError('forbidden');
    const fromBackend = commandError('forbidden', 'Access denied.');
    await setSupervisorLocale('de');
    const guidance = describeCommandError(forbidden);
    expect(guidance).to.match(/^Ihre Rolle erlaubt diese Aktion nicht\./);
    expect(guidance).to.include('„Omnichannel API access“');
    expect(describeCommandError(fromBackend)).to.equal(`Access denied. ${guidance}`);
    expect(describeCommandError(commandError('conflict'))).to.match(/^Jemand anderes/);
  });

  it('dates, times, durations and counts format through Intl in the active locale', async () => {
    const at = Date.UTC(2025, 3, 21, 14, 5, 9);
    const clock = (locale: string) =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(at);
    expect(formatClock(at)).to.equal(clock('en'));
    expect(describeDuration(65_000)).to.equal('1 minute 5 seconds');
    expect(formatCount(10_000)).to.equal('10,000');
    await setSupervisorLocale('de');
    expect(formatClock(at)).to.equal(clock('de'));
    expect(describeDuration(65_000)).to.equal('1 Minute 5 Sekunden');
    expect(describeDuration(null)).to.equal('nicht begonnen');
    expect(formatCount(10_000)).to.equal('10.000');
  });
});

describe('switching the language of mounted elements', () => {
  it('the table: headers, toolbar, footer and cells re-render in German and back', async () => {
    const { el } = await mountTable();
    expect(headers(el)).to.include.members(['Customer', 'Status', 'Wait', 'Actions']);
    await setSupervisorLocale('de');
    await settled(el);
    expect(headers(el)).to.include.members(['Kunde', 'Status', 'Warten', 'Aktionen']);
    expect($<HTMLInputElement>(el, 'input[type="search"]')!.placeholder).to.equal(
      'Unterhaltungen durchsuchen',
    );
    expect($(el, '.row-count')!.textContent!.trim()).to.equal('4 von 4 Unterhaltungen');
    expect($(el, '[role="grid"]')!.getAttribute('aria-label')).to.equal('Laufende Unterhaltungen');
    expect($(el, '.pill')!.textContent!.trim()).to.match(/^(Live|Verbindung)/);
    expect(el.shadowRoot!.textContent).to.include('Nicht zugewiesen');
    await expect(el).to.be.accessible();
    await setSupervisorLocale('en');
    await settled(el);
    expect(headers(el)).to.include.members(['Customer', 'Wait']);
    expect($(el, '.row-count')!.textContent!.trim()).to.equal('4 of 4 conversations');
  });

  it('a dialog: title, question and a role failure in German', async () => {
    const h = await connectedService();
    const { el } = await openDialog<ForceCloseDialog>(
      h,
      'force-close-dialog',
      'active-chat',
      'Force close…',
    );
    const text = () => el.shadowRoot!.querySelector('dialog')!.innerText;
    await setSupervisorLocale('de');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#title')!.textContent).to.equal(
      'Unterhaltung zwangsweise schließen',
    );
    expect(text()).to.include('Dies kann nicht rückgängig gemacht werden.');
    expect(el.shadowRoot!.querySelector('button.close')!.getAttribute('aria-label')).to.equal(
      'Schließen',
    );
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.danger')!.click();
    await el.updateComplete;
    const failed = oneEvent(el, 'sc-command-failed');
    h.adapter.last().answer({ ok: false, error: commandError('forbidden') });
    await failed;
    await el.updateComplete;
    expect(text()).to.include('Die Unterhaltung mit Alice Active konnte nicht geschlossen werden.');
    expect(text()).to.include('Ihre Rolle erlaubt diese Aktion nicht.');
    expect(text()).to.include('Omnichannel API access');
    await expect(el).to.be.accessible();
  });

  it('the monitor panel: facts, mode, notice and durations in German', async () => {
    const h = await connectedService();
    const el = await fixture<MonitorPanel>(
      html`<monitor-panel .service=${h.service} conversation-id="active-chat"></monitor-panel>`,
    );
    await settle();
    await setSupervisorLocale('de');
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('.panel')!;
    const terms = [...panel.querySelectorAll('dt')].map((d) => d.textContent);
    expect(terms).to.deep.equal([
      'Kanal',
      'Mitarbeiter',
      'Warteschlange',
      'Status',
      'Warten',
      'Dauer',
    ]);
    expect(panel.querySelector('[part="notice"]')!.textContent).to.include(
      'Die Überwachung bleibt unbemerkt, bis Sie beitreten.',
    );
    expect(panel.querySelector('#transcript-title')!.textContent).to.equal('Verlauf');
    const handle = panel.querySelectorAll<HTMLElement>('.timer')[1]!;
    expect(handle.title).to.match(/(Minute|Sekunde|Stunde)/);
    await expect(el).to.be.accessible();
    await setSupervisorLocale('en');
    await el.updateComplete;
    expect(panel.querySelector('dt')!.textContent).to.equal('Channel');
  });
});

describe('right-to-left', () => {
  it('the table mirrors: the first column is on the right, the banner edge on the start side', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"></div>`);
    const { el, h } = await mountTable();
    wrapper.append(el);
    await settled(el);
    const cells = $$(el, '[role="columnheader"]');
    const first = cells[0]!.getBoundingClientRect();
    const second = cells[1]!.getBoundingClientRect();
    expect(first.left).to.be.greaterThan(second.left);
    const grid = $(el, '[role="grid"]')!.getBoundingClientRect();
    expect(Math.abs(grid.right - first.right)).to.be.lessThan(2);
    // Body rows: the customer cell is on the right too.
    const row = $(el, '.body-row')!;
    const customerCell = row.querySelector('.c-customer')!.getBoundingClientRect();
    expect(Math.abs(grid.right - customerCell.right)).to.be.lessThan(2);
    // …and under its header (the head's scrollbar gutter does not shift the header).
    expect(Math.abs(first.left - customerCell.left)).to.be.lessThan(2);
    h.adapter.emit({ type: 'status', status: 'reconnecting' });
    await settled(el);
    const banner = getComputedStyle($(el, '[part="banner"]')!);
    expect(banner.borderRightWidth).to.equal('4px');
    expect(banner.borderLeftWidth).to.equal('0px');
    await expect(el).to.be.accessible();
  });

  it('arrow keys follow the reading direction', () => {
    const bounds = { bodyRows: 3, cols: 4, pageSize: 2 };
    expect(nextCell('ArrowLeft', { row: 1, col: 1 }, bounds, { rtl: true })).to.deep.equal({
      row: 1,
      col: 2,
    });
    expect(nextCell('ArrowRight', { row: 1, col: 1 }, bounds, { rtl: true })).to.deep.equal({
      row: 1,
      col: 0,
    });
    expect(nextCell('ArrowLeft', { row: 1, col: 1 }, bounds)).to.deep.equal({ row: 1, col: 0 });
  });

  it('the monitor panel mirrors, in German too', async () => {
    const h = await connectedService();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="de">
        <monitor-panel .service=${h.service} conversation-id="active-chat"></monitor-panel>
      </div>`,
    );
    const el = wrapper.querySelector<MonitorPanel>('monitor-panel')!;
    await setSupervisorLocale('de');
    await settle();
    await el.updateComplete;
    const titleRow = el.shadowRoot!.querySelector('.title-row')!;
    const title = titleRow.querySelector('.title')!.getBoundingClientRect();
    const actions = titleRow.querySelector('.actions')!.getBoundingClientRect();
    // The customer's name starts on the right; the buttons sit on the left.
    expect(title.left).to.be.greaterThan(actions.left);
    await expect(el).to.be.accessible();
  });
});
