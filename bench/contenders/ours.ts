/**
 * Ours: the full `<ongoing-conversations-table>` (actions, ARIA grid, shared timer) fed by
 * `SupervisorService` through an adapter that delivers the benchmark's seeded data and changes.
 */
import { Observable, Subject } from 'rxjs';
import '../../src/components/ongoing-conversations-table/ongoing-conversations-table.define.js';
import type { OngoingConversationsTable } from '../../src/components/ongoing-conversations-table/ongoing-conversations-table.js';
import type {
  AdapterEvent,
  BackendAdapter,
  CommandResult,
  TranscriptEvent,
} from '../../src/adapters/backend-adapter.js';
import type { Conversation } from '../../src/domain/index.js';
import { SupervisorService } from '../../src/service/index.js';
import type { BenchWorld } from '../data.js';
import { installBench, type Contender } from '../contender.js';

/** Delivers the seeded world as a snapshot, then whatever the harness pushes as changes. */
class BenchAdapter implements BackendAdapter {
  readonly changes = new Subject<AdapterEvent>();
  constructor(private readonly world: BenchWorld) {}

  connect(): Observable<AdapterEvent> {
    return new Observable<AdapterEvent>((subscriber) => {
      subscriber.next({
        type: 'snapshot',
        snapshot: {
          supervisor: { id: 'sup-1', name: 'Sam Supervisor' },
          settings: { monitor: true, assign: true, transfer: true, forceClose: true },
          conversations: this.world.conversations,
          representatives: this.world.representatives,
          queues: this.world.queues,
        },
      });
      subscriber.next({ type: 'status', status: 'live' });
      return this.changes.subscribe(subscriber);
    });
  }

  private readonly ok = (): Promise<CommandResult> => Promise.resolve({ ok: true });
  assign = this.ok;
  transfer = this.ok;
  forceClose = this.ok;
  monitor = this.ok;
  unmonitor = this.ok;
  join = this.ok;
  leave = this.ok;
  whisper = this.ok;
  transcript(): Observable<TranscriptEvent> {
    return new Observable();
  }
}

class OursContender implements Contender {
  private table!: OngoingConversationsTable;
  private adapter!: BenchAdapter;
  private service!: SupervisorService;

  async mount(host: HTMLElement, world: BenchWorld): Promise<void> {
    this.adapter = new BenchAdapter(world);
    this.service = new SupervisorService(this.adapter).connect();
    this.table = document.createElement('ongoing-conversations-table');
    this.table.persistKey = '';
    this.table.style.height = '640px';
    this.table.service = this.service;
    host.append(this.table);
    await this.table.updateComplete;
  }

  apply(changes: Conversation[]): void {
    this.adapter.changes.next({
      type: 'changes',
      changes: changes.map((conversation) => ({ type: 'conversation', conversation })),
    });
  }

  sortByCustomer(): void {
    this.table.sort = { key: 'customer', direction: 'asc' };
  }

  filter(text: string): void {
    this.table.filter = { text };
  }

  visibleIds(): string[] {
    return this.service
      .computeView(this.service.state, { sort: this.table.sort, filter: this.table.filter })
      .rows.slice(0, 16)
      .map((c) => c.id);
  }

  rowsInDom(): number {
    return (
      this.table.shadowRoot?.querySelectorAll(
        '[role="row"][aria-rowindex]:not([aria-rowindex="1"])',
      ).length ?? 0
    );
  }
}

installBench(new OursContender());
