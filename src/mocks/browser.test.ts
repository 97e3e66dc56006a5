import { expect } from '@open-wc/testing';
import { RestAdapter } from '../adapters/rest/rest-adapter.js';
import { SupervisorService } from '../service/index.js';
import { startMockWorker } from './browser.js';

describe('startMockWorker', function () {
  this.timeout(10_000);

  it('serves the contract from a simulated centre until stopped, with switchable faults', async () => {
    const mock = await startMockWorker({
      simulator: { seed: 5, conversations: 12, changesPerSecond: 0, commandLatencyMs: 0 },
      onUnhandledRequest: 'error',
    });
    try {
      const snapshot = (await (await fetch(`${mock.baseUrl}/snapshot`)).json()) as {
        conversations: unknown[];
      };
      expect(snapshot.conversations).to.have.length(mock.simulator.conversations().length);

      const service = new SupervisorService(
        new RestAdapter({ baseUrl: mock.baseUrl, backoff: { initialMs: 10, maxMs: 20 } }),
      );
      service.connect();
      const start = performance.now();
      while (service.state.connection.status !== 'live' && performance.now() - start < 3000) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(service.state.connection.status).to.equal('live');
      expect(service.state.conversations.size).to.equal(12);

      mock.faults.fail('snapshot', 'forbidden', { times: 1 });
      const refused = await fetch(`${mock.baseUrl}/snapshot`);
      expect(refused.status).to.equal(403);
      expect(refused.headers.get('Content-Type')).to.equal('application/problem+json');
      service.dispose();
    } finally {
      mock.stop();
    }
    expect(mock.backend.openStreams).to.deep.equal({ events: 0, transcripts: 0 });
  });
});
