import '../../../test/setup.js';
import './representatives-board.define.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RepresentativesBoard } from './representatives-board.js';
import {
  AI_AGENT,
  HUMAN,
  OTHER_HUMAN,
  conversation,
  representative,
} from '../../../test/fixtures/domain.js';
import { smallSnapshot } from '../../../test/fixtures/fake-adapter.js';
import { connectedService, settle } from '../../../test/fixtures/element-harness.js';

const AWAY = representative({
  id: 'rep-away',
  name: 'Ada Away',
  presence: 'away',
  capacity: { total: 4, used: 6 },
});
const LUNCH = representative({ id: 'rep-lunch', name: 'Lou Lunch', presence: 'At lunch' });

async function setup() {
  const base = smallSnapshot();
  const h = await connectedService(
    smallSnapshot({
      representatives: [HUMAN, OTHER_HUMAN, AWAY, LUNCH, AI_AGENT],
      conversations: [
        ...base.conversations,
        conversation({ id: 'c-away', representativeId: 'rep-away' }),
      ],
    }),
  );
  const el = await fixture<RepresentativesBoard>(
    html`<representatives-board .service=${h.service}></representatives-board>`,
  );
  await settle();
  return { h, el };
}

const cards = (el: RepresentativesBoard) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card'),
];
const card = (el: RepresentativesBoard, id: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.card[data-id="${id}"]`)!;

describe('<representatives-board>', () => {
  it('shows every representative: presence icon and text, capacity bar, conversation count', async () => {
    const { el } = await setup();
    expect(cards(el).map((c) => c.querySelector('.name')!.textContent)).to.deep.equal([
      'Ada Away',
      'Hana Human',
      'Lou Lunch',
      'Omar Other',
      'Botty',
    ]);
    const hana = card(el, 'rep-human');
    expect(hana.querySelector('svg.presence')).to.exist;
    expect(hana.textContent).to.include('Available');
    // Hana handles the active chat, the voice call and the record of the small snapshot.
    expect(hana.textContent).to.include('3 conversations');
    const ada = card(el, 'rep-away');
    expect(ada.textContent).to.include('Away');
    expect(ada.textContent).to.include('6/4 units');
    expect(ada.textContent).to.include('over capacity');
    expect(ada.querySelector<HTMLElement>('.fill')!.style.inlineSize).to.equal('100%');
    expect(card(el, 'rep-lunch').textContent).to.include('At lunch');
    expect(card(el, AI_AGENT.id).textContent).to.include('AI agent');
    const summary = el.shadowRoot!.querySelector('.summary')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.include('Available 2');
    expect(summary).to.include('Away 1');
    expect(summary).to.include('Other 1');
    await expect(el).to.be.accessible();
  });

  it('follows presence, capacity and workload live', async () => {
    const { el, h } = await setup();
    await h.updateRepresentative('rep-other', {
      presence: 'busy-dnd',
      capacity: { total: 10, used: 2 },
    });
    await h.updateConversation('open-chat', {
      status: 'active',
      representativeId: 'rep-other',
      acceptedAt: 1,
    });
    await el.updateComplete;
    const omar = card(el, 'rep-other');
    expect(omar.textContent).to.include('Do not disturb');
    expect(omar.textContent).to.include('2/10 units');
    expect(omar.textContent).to.include('1 conversation');
  });

  it('selecting a representative fires sc-representative-select; again clears it', async () => {
    const { el } = await setup();
    const selected = oneEvent(el, 'sc-representative-select');
    card(el, 'rep-human').click();
    expect((await selected).detail.representativeId).to.equal('rep-human');
    await el.updateComplete;
    expect(card(el, 'rep-human').getAttribute('aria-pressed')).to.equal('true');
    expect(el.selected).to.equal('rep-human');
    await expect(el).to.be.accessible();
    const cleared = oneEvent(el, 'sc-representative-select');
    card(el, 'rep-human').click();
    expect((await cleared).detail.representativeId).to.equal(null);
  });

  it('is one tab stop; arrows, Home and End move between cards', async () => {
    const { el } = await setup();
    expect(cards(el).filter((c) => c.tabIndex === 0)).to.have.length(1);
    cards(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(cards(el).at(-1));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[1]);
    await sendKeys({ press: 'Enter' });
    expect(el.selected).to.equal('rep-human');
    await el.updateComplete;
    expect(cards(el).filter((c) => c.tabIndex === 0)).to.deep.equal([cards(el)[1]]);
  });

  it('filters by name', async () => {
    const { el } = await setup();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'om' });
    await el.updateComplete;
    expect(cards(el).map((c) => c.dataset.id)).to.deep.equal(['rep-other']);
  });
});

describe('<representatives-board> with a large team', () => {
  it('shows a page of cards, then more on demand; the summary counts everyone', async () => {
    const reps = Array.from({ length: 30 }, (_, i) =>
      representative({ id: `r-${i}`, name: `Rep ${String(i).padStart(2, '0')}` }),
    );
    const h = await connectedService(smallSnapshot({ representatives: reps }));
    const el = await fixture<RepresentativesBoard>(
      html`<representatives-board .service=${h.service} page-size="12"></representatives-board>`,
    );
    await settle();
    expect(cards(el)).to.have.length(12);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent!.replace(/\s+/g, ' ')).to.include(
      'Available 30',
    );
    expect(el.shadowRoot!.querySelector('.more')!.textContent).to.include('18 not shown');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.show-more')!.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(24);
    // A presence change keeps the order (sorted by name, not re-sorted on every change).
    await h.updateRepresentative('r-3', { presence: 'away' });
    await el.updateComplete;
    expect(cards(el)[3]!.textContent).to.include('Away');
  });
});
