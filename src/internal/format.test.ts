import { expect } from '@open-wc/testing';
import { builtFormatters, formatCount, warmFormattersWhenIdle } from './format.js';

describe('formatters', () => {
  it('are built ahead of time when the browser is idle, once per kind and language', async () => {
    warmFormattersWhenIdle();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const built = builtFormatters();
    expect(built).to.include.members(['count:en', 'clock:en', 'unit:minute:en', 'unit:second:en']);
    formatCount(1234);
    expect(builtFormatters().length, 'reused, not rebuilt').to.equal(built.length);
    expect(formatCount(1234)).to.equal('1,234');
  });
});
