/**
 * Soak: one simulated hour (virtual time) at 1,000 changes a second, with monitors opened and closed
 * all along (service.monitor/unmonitor and the transcript stream subscribed and unsubscribed). At the
 * end, after dispose: no subscription or timer is left (simulator work 0, no transcript subscriber),
 * the stores stayed bounded, and the heap stayed flat. The figures are printed.
 */
import '../setup.js';
import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { SimulatedCentre } from '../../src/adapters/simulator/index.js';
import { canMonitor } from '../../src/domain/index.js';
import { SupervisorService } from '../../src/service/index.js';
import { VirtualClock } from '../fixtures/simulator.js';
import { reportCases } from './corpus.js';

declare global {
  interface Window {
    gc?: () => void;
  }
}

interface MemoryInfo {
  usedJSHeapSize: number;
}

function heap(): number | null {
  window.gc?.();
  const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

const MB = 1024 * 1024;
const HOUR = 3_600_000;
const RATE = 1000;

describe('reliability: soak', function () {
  this.timeout(120_000);
  reportCases('soak');

  it('one simulated hour at 1,000 changes/s with monitors opened and closed: nothing left behind, memory flat', async () => {
    const clock = new VirtualClock();
    const sim = new SimulatedCentre({
      conversations: 300,
      changesPerSecond: RATE,
      commandLatencyMs: 100,
      transcriptIntervalMs: [1000, 3000],
      seed: 21,
      scheduler: clock.scheduler,
    });
    const service = new SupervisorService(sim, {
      frameScheduler: clock.scheduler,
      closingMs: 1500,
    });
    // A consumer like the table: one subscription to the coalesced state for the whole hour.
    let emissions = 0;
    const stateSub = service.state$.subscribe(() => (emissions += 1));
    service.connect();
    clock.advance(200);

    const flush = async () => {
      for (let i = 0; i < 4; i += 1) await Promise.resolve();
    };
    const watched = new Set<string>();
    let open: { id: string; sub: Subscription; until: number } | null = null;
    let opened = 0;
    let messages = 0;
    let maxTombstones = 0;
    let maxProblems = 0;
    let maxConversations = 0;
    const samples: { minute: number; heapMb: number | null; conversations: number }[] = [];
    const started = performance.now();

    for (let t = 0; t < HOUR; t += 1000) {
      // Every 30 simulated seconds a monitor opens; it stays 20 s, then closes.
      if (!open && t % 30_000 === 0) {
        const c = [...service.state.conversations.values()].find(
          (x) => canMonitor(service.ruleContext, x).allowed && !watched.has(x.id),
        );
        if (c) {
          watched.add(c.id);
          void service.monitor(c.id);
          const sub = service.transcript$(c.id).subscribe((s) => (messages = s.messages.length));
          open = { id: c.id, sub, until: t + 20_000 };
          opened += 1;
        }
      }
      if (open && t >= open.until) {
        open.sub.unsubscribe();
        void service.unmonitor(open.id);
        open = null;
      }
      clock.advance(1000);
      await flush();
      const s = service.state;
      maxTombstones = Math.max(maxTombstones, s.tombstones.size);
      maxProblems = Math.max(maxProblems, s.connection.problems.length);
      maxConversations = Math.max(maxConversations, s.conversations.size);
      if (t % 600_000 === 0) {
        samples.push({ minute: t / 60_000, heapMb: heap(), conversations: s.conversations.size });
      }
    }
    if (open) {
      open.sub.unsubscribe();
      void service.unmonitor(open.id);
    }
    clock.advance(1000);
    await flush();
    samples.push({ minute: 60, heapMb: heap(), conversations: service.state.conversations.size });
    const wallMs = performance.now() - started;

    // Bounded stores while running.
    expect(service.state.pending.size, 'pending').to.equal(0);
    expect(maxProblems, 'problems kept').to.be.at.most(20);
    expect(maxTombstones, 'tombstones kept').to.be.at.most(5000);
    expect(maxConversations, 'conversations held').to.be.below(600);
    const cached = (service as unknown as { transcripts: Map<string, unknown> }).transcripts.size;
    expect(cached, 'transcript streams kept after their monitors closed').to.equal(0);

    // Nothing left behind.
    stateSub.unsubscribe();
    service.dispose();
    clock.advance(10_000);
    for (const id of watched) expect(sim.transcriptSubscribers(id), id).to.equal(0);
    expect(sim.activeWork, 'simulator timers left').to.equal(0);

    // Memory flat: from the 10th simulated minute (warmed up) to the end.
    const heaps = samples.map((s) => s.heapMb).filter((h): h is number => h !== null);
    const growthMb = heaps.length > 2 ? (heaps.at(-1)! - heaps[1]!) / MB : 0;
    console.log(
      `reliability: soak figures: ${HOUR / 60_000} simulated minutes at ${RATE} changes/s in ${(wallMs / 1000).toFixed(1)} s wall; ` +
        `${emissions} state emissions; ${opened} monitors opened and closed, last transcript ${messages} messages; ` +
        `max tombstones ${maxTombstones}, max problems ${maxProblems}, max conversations ${maxConversations}; ` +
        `heap (MB) every 10 min: ${samples.map((s) => (s.heapMb === null ? 'n/a' : (s.heapMb / MB).toFixed(1))).join(', ')}; ` +
        `growth after warm-up ${growthMb.toFixed(1)} MB; precise GC ${typeof window.gc === 'function'}`,
    );
    // With a forced GC the figure is exact (about 0.1 MB here); without one it is noise.
    expect(growthMb, 'heap growth after warm-up (MB)').to.be.below(window.gc ? 5 : 30);
  });
});
