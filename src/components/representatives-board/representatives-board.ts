import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { map, type Observable } from 'rxjs';
import { supervisorServiceContext } from '../../context/supervisor-context.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import {
  STANDARD_PRESENCES,
  conversationsPerRepresentative,
  isStandardPresence,
  nameCollator,
  presenceLabel,
  type Representative,
} from '../../domain/index.js';
import { RepresentativeSelectEvent } from '../../events/representative-select.js';
import type { ConnectionState } from '../../service/state.js';
import type { SupervisorService } from '../../service/supervisor-service.js';
import { buttonStyles, tokens } from '../../styles/tokens.js';
import { presenceIcon } from '../shared/icons.js';
import { presenceClass } from '../shared/representative-parts.js';
import { representativesBoardStyles } from './representatives-board.styles.js';
import { styleProps } from '../shared/style-props.js';
import { formatCount } from '../../internal/format.js';

const count = { format: (n: number) => formatCount(n) };

/** The default heading, in English; shown in the active language. */
const DEFAULT_HEADING = 'Representatives';

/**
 * Every representative at a glance, live: presence (icon and text), capacity used/total as a bar,
 * and how many conversations each handles, with a count of each presence on top. Selecting a
 * representative fires `sc-representative-select`; `<supervisor-console>` then filters the
 * conversations table to theirs. The cards are one tab stop: arrow keys, Home and End move between
 * them, Enter or Space selects.
 *
 * @tagname representatives-board
 * @summary Live presence, capacity and workload of every representative; select one to filter.
 *
 * @slot heading - Replaces the "Representatives" heading.
 *
 * @fires {RepresentativeSelectEvent} sc-representative-select - The supervisor selected a representative (or cleared the selection).
 *
 * @csspart summary - The count of representatives per presence.
 * @csspart search - The name filter.
 * @csspart list - The list of cards.
 * @csspart card - One representative's card (a toggle button).
 * @csspart bar - A card's capacity bar.
 *
 * @cssprop [--sc-board-max-height=14rem] - Height after which the list scrolls.
 * @cssprop [--sc-board-card-width=13rem] - Minimum width of a card.
 */
@localized()
export class RepresentativesBoard extends LitElement {
  static override styles = [tokens, buttonStyles, representativesBoardStyles];

  /** The data service. Provided by `<supervisor-console>` (context) or set by the host. */
  @consume({ context: supervisorServiceContext, subscribe: true })
  @property({ attribute: false })
  service?: SupervisorService;

  /** The selected representative's id, or `null`. */
  @property({ reflect: true }) selected: string | null = null;

  /** Also list AI agents (after the people). */
  @property({ type: Boolean, attribute: 'include-ai' }) includeAi = true;

  /** The heading text (the default is said in the active language). */
  @property() heading = DEFAULT_HEADING;

  /** How many cards are shown at first ("Show more" adds as many again); the summary counts all. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 120;

  @state() private shown = 0;

  @state() private search = '';
  /** The card that holds the list's single tab stop. */
  @state() private focusId: string | null = null;

  private readonly representatives = new ObservableController<ReadonlyMap<string, Representative>>(
    this,
    () => this.service?.representatives$,
  );
  private readonly counts = new ObservableController<ReadonlyMap<string, number>>(this, () =>
    this.service ? countsOf(this.service) : undefined,
  );

  /** Before the first snapshot the representatives are an empty map: not "no representatives". */
  private readonly connection = new ObservableController<ConnectionState>(
    this,
    () => this.service?.connection$,
  );

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service')) {
      this.representatives.refresh();
      this.counts.refresh();
      this.connection.refresh();
    }
  }

  /** Selects a representative (or clears with `null`) as a click does, firing the event. */
  select(id: string | null): void {
    this.selected = id;
    this.dispatchEvent(new RepresentativeSelectEvent({ representativeId: id }));
  }

  /** The sorted order, kept while names and kinds stay the same (presence and capacity change often). */
  private order: { signature: string; ids: string[] } = { signature: '', ids: [] };

  /** Every listed representative, people first, by name. */
  private sorted(): Representative[] {
    const map = this.representatives.value;
    if (!map) return [];
    let signature = '';
    for (const r of map.values()) signature += `${r.id}\u0000${r.name}\u0000${r.kind}\u0001`;
    if (signature !== this.order.signature) {
      const ids = [...map.values()]
        .sort(
          (a, b) =>
            Number(a.kind !== 'human') - Number(b.kind !== 'human') ||
            nameCollator.compare(a.name, b.name) ||
            (a.id < b.id ? -1 : 1),
        )
        .map((r) => r.id);
      this.order = { signature, ids };
    }
    const list: Representative[] = [];
    for (const id of this.order.ids) {
      const r = map.get(id);
      if (r && (this.includeAi || r.kind === 'human')) list.push(r);
    }
    return list;
  }

  private visible(): Representative[] {
    const all = this.sorted();
    const needle = this.search.trim().toLocaleLowerCase();
    return needle ? all.filter((r) => r.name.toLocaleLowerCase().includes(needle)) : all;
  }

  override render(): TemplateResult {
    const matching = this.visible();
    const limit = Math.max(this.pageSize, this.shown);
    let reps = matching.slice(0, limit);
    const selectedCard = matching.find((r) => r.id === this.selected);
    if (selectedCard && !reps.includes(selectedCard)) reps = [...reps, selectedCard];
    const more = matching.length - reps.length;
    const all = [...(this.representatives.value?.values() ?? [])].filter((r) => r.kind === 'human');
    const tabStop =
      reps.find((r) => r.id === this.focusId)?.id ??
      reps.find((r) => r.id === this.selected)?.id ??
      reps[0]?.id;
    const selectedRep = this.selected ? this.representatives.value?.get(this.selected) : undefined;
    return html`<section aria-labelledby="heading">
      <div class="head">
        <h2 id="heading">
          <slot name="heading"
            >${this.heading === DEFAULT_HEADING ? msg('Representatives') : this.heading}</slot
          >
        </h2>
        ${this.renderSummary(all)}
        <label class="search" part="search">
          <span class="visually-hidden">${msg('Find a representative')}</span>
          <input
            type="search"
            placeholder=${msg('Find a representative')}
            autocomplete="off"
            .value=${this.search}
            @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
          />
        </label>
        ${
          this.selected
            ? html`<button class="clear" @click=${() => this.select(null)}>
                ${msg(
                  str`Show everyone (filtered to ${selectedRep?.name ?? msg('one representative')})`,
                )}
              </button>`
            : nothing
        }
      </div>
      ${
        this.representatives.value === undefined || this.connection.value?.lastUpdateAt == null
          ? html`<p class="empty">
              ${
                this.connection.value?.status === 'offline'
                  ? msg('The representatives could not be loaded.')
                  : msg('Loading representatives…')
              }
            </p>`
          : reps.length === 0
            ? html`<p class="empty">
                ${this.search ? msg(str`Nobody matches “${this.search}”.`) : msg('No representatives.')}
              </p>`
            : html`<ul
                class="cards"
                part="list"
                aria-label=${msg('Representatives: select one to see their conversations')}
                @keydown=${this.onKeyDown}
              >
                ${repeat(
                  reps,
                  (r) => r.id,
                  (r) => this.renderCard(r, r.id === tabStop),
                )}
              </ul>`
      }
      ${
        more > 0
          ? html`<p class="more">
              <button class="show-more" @click=${() => (this.shown = limit + this.pageSize)}>
                ${msg(str`Show ${Math.min(more, this.pageSize)} more`)}
              </button>
              <span>${msg(str`${count.format(more)} not shown; or find one by name.`)}</span>
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderSummary(humans: readonly Representative[]): TemplateResult {
    const byPresence = new Map<string, number>();
    for (const r of humans) {
      const key = isStandardPresence(r.presence) ? r.presence : 'custom';
      byPresence.set(key, (byPresence.get(key) ?? 0) + 1);
    }
    const keys = [...STANDARD_PRESENCES, 'custom'].filter((k) => byPresence.has(k));
    return html`<ul class="summary" part="summary" aria-label=${msg('People by presence')}>
      ${keys.map(
        (k) =>
          html`<li class=${presenceClass(k)}>
            ${presenceIcon(k)}
            <span>${k === 'custom' ? msg('Other') : presenceLabel(k)}</span>
            <strong>${count.format(byPresence.get(k) ?? 0)}</strong>
          </li>`,
      )}
    </ul>`;
  }

  private renderCard(r: Representative, tabStop: boolean): TemplateResult {
    const { used, total } = r.capacity;
    const ratio = total > 0 ? used / total : used > 0 ? 1 : 0;
    const over = used > total;
    const n = this.counts.value?.get(r.id) ?? 0;
    return html`<li>
      <button
        class="card ${over ? 'over' : ''}"
        part="card"
        data-id=${r.id}
        tabindex=${tabStop ? 0 : -1}
        aria-pressed=${this.selected === r.id ? 'true' : 'false'}
        @click=${() => this.select(this.selected === r.id ? null : r.id)}
        @focus=${() => (this.focusId = r.id)}
      >
        <span class="name">${r.name || r.id}</span>
        ${r.kind === 'ai' ? html`<span class="ai">${msg('AI agent')}</span>` : nothing}
        <span class="presence ${presenceClass(r.presence)}"
          >${presenceIcon(r.presence)}<span class="presence-text"
            >${presenceLabel(r.presence)}</span
          ></span
        >
        <span class="bar" part="bar" aria-hidden="true"
          ><span
            class="fill"
            style=${styleProps({ 'inline-size': `${Math.min(100, ratio * 100).toFixed(1)}%` })}
          ></span
        ></span>
        <span class="capacity"
          >${msg(str`${used}/${total} units`)}${
            over ? html` <strong>${msg('over capacity')}</strong>` : nothing
          }</span
        >
        <span class="count"
          >${n === 1 ? msg('1 conversation') : msg(str`${count.format(n)} conversations`)}</span
        >
      </button>
    </li>`;
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    const cards = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.card')];
    const current = cards.findIndex((c) => c === this.shadowRoot?.activeElement);
    if (current < 0) return;
    const perRow = Math.max(1, cards.filter((c) => c.offsetTop === cards[0]!.offsetTop).length);
    // Right-to-left, the next card is to the left.
    const step = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = {
      ArrowRight: current + step,
      ArrowLeft: current - step,
      ArrowDown: current + perRow,
      ArrowUp: current - perRow,
      Home: 0,
      End: cards.length - 1,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = cards[Math.max(0, Math.min(cards.length - 1, next))];
    if (target) {
      this.focusId = target.dataset.id ?? null;
      target.focus();
    }
  };
}

/** Conversations per representative, live (closed ones not counted). */
function countsOf(service: SupervisorService): Observable<ReadonlyMap<string, number>> {
  return service.state$.pipe(map((s) => conversationsPerRepresentative(s.conversations.values())));
}
