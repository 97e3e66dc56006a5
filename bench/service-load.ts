/**
 * The data layer alone: a 10,000-conversation simulated centre at 1,000 changes a second through
 * SupervisorService, with one subscriber to the default view (as a table would have).
 */
import { SimulatedCentre } from '../src/adapters/simulator/index.js';
import { SupervisorService } from '../src/service/index.js';

declare global {
  interface Window {
    serviceLoad(ms: number): Promise<{ emissions: number; conversations: number; inSync: boolean }>;
  }
}

window.serviceLoad = (ms) =>
  new Promise((resolve) => {
    const sim = new SimulatedCentre({
      conversations: 10_000,
      changesPerSecond: 1000,
      seed: 11,
      commandLatencyMs: 0,
    });
    const service = new SupervisorService(sim).connect();
    let emissions = 0;
    const sub = service
      .view$({ sort: { key: 'wait', direction: 'desc' } })
      .subscribe(() => (emissions += 1));
    setTimeout(() => {
      sub.unsubscribe();
      const truth = sim.conversations();
      const inSync = truth.every(
        (c) => service.state.conversations.get(c.id)?.version === c.version,
      );
      service.dispose();
      sim.dispose();
      resolve({ emissions, conversations: service.state.conversations.size, inSync });
    }, ms);
  });
