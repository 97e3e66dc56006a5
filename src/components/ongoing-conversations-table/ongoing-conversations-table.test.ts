import '../../../test/setup.js';
import { expect } from '@open-wc/testing';
import {
  mountTable,
  bodyRows,
  customers,
  cellText,
  rowOf,
  $,
} from '../../../test/fixtures/conversations-table.js';

describe('<ongoing-conversations-table>', () => {
  it('renders the conversations of the service', async () => {
    const { el } = await mountTable();
    expect(bodyRows(el)).to.have.length(4);
    expect(customers(el)).to.include('Alice Active');
    const row = rowOf(el, 'Alice Active');
    expect(cellText(el, row, 'Status')).to.equal('Active');
    expect(cellText(el, row, 'Channel')).to.equal('Live chat');
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('5');
    await expect(el).to.be.accessible();
  });
});
