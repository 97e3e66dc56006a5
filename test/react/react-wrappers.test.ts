import '../setup.js';
import { expect } from '@open-wc/testing';
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { act } from 'react';
import { SimulatedCentre, SupervisorService } from '../../src/index.js';
import { RepresentativeSelectEvent } from '../../src/events/index.js';
import * as wrappers from '../../src/react/index.js';
import { SupervisorPage } from './supervisor-page.js';

declare global {
  // React's act() environment flag.
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

async function until<T>(find: () => T | null | undefined, what: string, ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('React wrappers (supervisor-console/react)', () => {
  let container: HTMLElement;
  let root: Root;
  let service: SupervisorService;

  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    service = new SupervisorService(
      new SimulatedCentre({ seed: 11, conversations: 30, changesPerSecond: 0 }),
    ).connect();
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
    service.dispose();
    globalThis.IS_REACT_ACT_ENVIRONMENT = undefined;
  });

  it('wraps every element under its default tag, named like its class', () => {
    const expected = {
      AssignDialog: 'assign-dialog',
      TransferDialog: 'transfer-dialog',
      ForceCloseDialog: 'force-close-dialog',
      BulkActionDialog: 'bulk-action-dialog',
      MonitorPanel: 'monitor-panel',
      RepresentativesBoard: 'representatives-board',
      OngoingConversationsTable: 'ongoing-conversations-table',
      SupervisorConsole: 'supervisor-console',
    };
    for (const [name, tag] of Object.entries(expected)) {
      expect(wrappers[name as keyof typeof expected], name).to.exist;
      expect(customElements.get(tag), tag).to.exist;
    }
  });

  it('renders the README example: the service as a property, rows in the table, an event prop updating React state', async () => {
    await act(async () => root.render(React.createElement(SupervisorPage, { service })));
    const consoleEl = await until(
      () => container.querySelector('supervisor-console'),
      '<supervisor-console>',
    );
    expect(consoleEl.service).to.equal(service);
    const table = await until(
      () => consoleEl.shadowRoot?.querySelector('ongoing-conversations-table'),
      'the table',
    );
    await until(
      () => table.shadowRoot?.querySelector('[role="row"][aria-rowindex="2"]'),
      'a conversation row',
    );
    const board = await until(
      () => consoleEl.shadowRoot?.querySelector('representatives-board'),
      'the board',
    );
    const card = await until(
      () => board.shadowRoot?.querySelector<HTMLButtonElement>('.card[data-id]'),
      'a representative card',
    );
    const id = card.dataset.id!;
    const status = container.querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('Everyone');

    await act(async () => card.click());
    await until(() => status.textContent !== 'Everyone', 'the React state to change');
    expect(status.textContent).to.equal(`Showing ${id}'s conversations`);
  });

  it('passes the event object itself to the typed prop, sets properties, and follows a new handler', async () => {
    const first: RepresentativeSelectEvent[] = [];
    const second: RepresentativeSelectEvent[] = [];
    const render = (onSelect: (event: RepresentativeSelectEvent) => void) =>
      act(async () =>
        root.render(
          React.createElement(wrappers.RepresentativesBoard, {
            service,
            includeAi: true,
            onScRepresentativeSelect: onSelect,
          }),
        ),
      );
    await render((event) => first.push(event));
    const board = container.querySelector('representatives-board')!;
    expect(board.includeAi).to.equal(true);
    expect(board.service).to.equal(service);
    const event = new RepresentativeSelectEvent({ representativeId: 'rep-x' });
    board.dispatchEvent(event);
    expect(first).to.deep.equal([event]);
    expect(first[0]!.detail.representativeId).to.equal('rep-x');

    await render((e) => second.push(e));
    expect(container.querySelector('representatives-board')).to.equal(board);
    board.dispatchEvent(new RepresentativeSelectEvent({ representativeId: 'rep-y' }));
    expect(first).to.have.length(1);
    expect(second.map((e) => e.detail.representativeId)).to.deep.equal(['rep-y']);
  });
});
