import { expect } from '@open-wc/testing';
import { DEFAULT_SORT } from '../../domain/index.js';
import {
  SavedViewStore,
  decodeView,
  encodeView,
  isFiltered,
  normalizeFilter,
  normalizeSort,
  readRawParam,
  urlWithView,
  viewFromUrl,
  type TableView,
} from './saved-views.js';

/** An in-memory Storage (the real one is shared by the whole test page). */
class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const VIEW: TableView = {
  filter: {
    text: 'late refund; 100% & more, é',
    statuses: ['open', 'waiting'],
    channels: ['sms', 'voice'],
    queueIds: ['q,1', 'q:2'],
    representativeIds: ['', 'rep 1'],
    minWaitMs: 300_000,
  },
  sort: { key: 'attention', direction: 'desc' },
};

describe('saved views', () => {
  describe('URL form', () => {
    it('round-trips a view, hostile characters included', () => {
      const text = encodeView(VIEW);
      expect(text).to.match(/^sort:attention\.desc;/);
      const back = decodeView(text);
      expect(back.sort).to.deep.equal(VIEW.sort);
      expect(back.filter.text).to.equal(VIEW.filter.text);
      expect([...back.filter.statuses!].sort()).to.deep.equal(['open', 'waiting']);
      expect([...back.filter.queueIds!].sort()).to.deep.equal(['q,1', 'q:2']);
      expect([...back.filter.representativeIds!].sort()).to.deep.equal(
        ['', 'rep 1'].filter(Boolean),
      );
      expect(back.filter.minWaitMs).to.equal(300_000);
    });

    it('is stable: list order does not change the text; the default view is empty', () => {
      const reordered: TableView = {
        ...VIEW,
        filter: { ...VIEW.filter, statuses: ['waiting', 'open'], channels: ['voice', 'sms'] },
      };
      expect(encodeView(reordered)).to.equal(encodeView(VIEW));
      expect(encodeView({ filter: {}, sort: DEFAULT_SORT })).to.equal('');
    });

    it('drops unknown keys and values instead of trusting them', () => {
      const view = decodeView(
        'sort:evil.sideways;status:open,exploded;channel:carrier-pigeon;wait:-5;x:1;text:%E0%A4%A',
      );
      expect(view.sort).to.deep.equal(DEFAULT_SORT);
      expect(view.filter).to.deep.equal({ statuses: ['open'] });
    });

    it('reads a value that was percent-encoded once more on the way', () => {
      const once = encodeView(VIEW);
      const twice = encodeURIComponent(once);
      expect(decodeView(twice).filter.text).to.equal(VIEW.filter.text);
    });

    it('sets and reads the URL parameter, keeping the other parameters and the hash', () => {
      const url = urlWithView('https://crm.example/page?tab=2&view=old#top', VIEW);
      expect(url).to.match(/^https:\/\/crm\.example\/page\?tab=2&view=sort:attention\.desc;/);
      expect(url.endsWith('#top')).to.equal(true);
      const back = viewFromUrl(url)!;
      expect(back.filter.text).to.equal(VIEW.filter.text);
      expect(readRawParam(new URL(url).search, 'tab')).to.equal('2');
      // The default view removes the parameter.
      const cleared = urlWithView(url, { filter: {}, sort: DEFAULT_SORT });
      expect(cleared).to.equal('https://crm.example/page?tab=2#top');
      expect(viewFromUrl(cleared)).to.equal(null);
      // Another parameter name.
      expect(urlWithView('https://crm.example/', VIEW, 'sc').includes('?sc=sort:')).to.equal(true);
    });
  });

  describe('normalizing untrusted input', () => {
    it('keeps only known fields and values', () => {
      expect(
        normalizeFilter({
          text: '  ',
          statuses: ['open', 'nope', 3],
          channels: 'sms',
          minWaitMs: Number.NaN,
          extra: true,
        }),
      ).to.deep.equal({ statuses: ['open'] });
      expect(normalizeFilter(null)).to.deep.equal({});
      expect(normalizeSort({ key: 'wait', direction: 'asc' })).to.deep.equal({
        key: 'wait',
        direction: 'asc',
      });
      expect(normalizeSort({ key: 'wait', direction: 'up' })).to.deep.equal(DEFAULT_SORT);
    });

    it('tells whether a filter narrows anything', () => {
      expect(isFiltered({})).to.equal(false);
      expect(isFiltered({ text: '  ', statuses: [] })).to.equal(false);
      expect(isFiltered({ minWaitMs: 60_000 })).to.equal(true);
    });
  });

  describe('SavedViewStore', () => {
    it('saves, lists, replaces and deletes views by name', () => {
      const storage = new MemoryStorage();
      const store = new SavedViewStore('k', storage);
      expect(store.list()).to.deep.equal([]);
      expect(store.save({ name: '  Long   waits ', ...VIEW })).to.equal(true);
      expect(store.save({ name: 'Voice', filter: { channels: ['voice'] }, sort: DEFAULT_SORT })).to
        .be.true;
      expect(store.list().map((v) => v.name)).to.deep.equal(['Long waits', 'Voice']);
      expect(store.lastUsed).to.equal('Voice');
      store.save({ name: 'Long waits', filter: {}, sort: DEFAULT_SORT });
      expect(store.get('Long waits')!.filter).to.deep.equal({});
      expect(store.list()).to.have.length(2);
      expect(store.remove('Voice')).to.equal(true);
      expect(store.remove('Voice')).to.equal(false);
      expect(store.lastUsed).to.equal('Long waits');
      store.remove('Long waits');
      expect(store.lastUsed).to.equal(null);
      store.save({ name: 'Long waits', filter: {}, sort: DEFAULT_SORT });
      // Another store on the same storage (a reload) sees the same views.
      expect(new SavedViewStore('k', storage).list().map((v) => v.name)).to.deep.equal([
        'Long waits',
      ]);
    });

    it('refuses an empty name', () => {
      const store = new SavedViewStore('k', new MemoryStorage());
      expect(store.save({ name: '   ', ...VIEW })).to.equal(false);
    });

    it('survives corrupt or hostile storage contents and failing writes', () => {
      const storage = new MemoryStorage();
      const store = new SavedViewStore('k', storage);
      storage.setItem('k', '{not json');
      expect(store.list()).to.deep.equal([]);
      storage.setItem(
        'k',
        JSON.stringify({
          views: [
            { name: '<img src=x onerror=alert(1)>', filter: { statuses: ['open', 'x'] } },
            { name: 42 },
            'junk',
          ],
        }),
      );
      const [view] = store.list();
      expect(view!.name).to.equal('<img src=x onerror=alert(1)>');
      expect(view!.filter).to.deep.equal({ statuses: ['open'] });
      expect(view!.sort).to.deep.equal(DEFAULT_SORT);
      storage.failWrites = true;
      expect(store.save({ name: 'x', ...VIEW })).to.equal(false);
      expect(new SavedViewStore('k', null).save({ name: 'x', ...VIEW })).to.equal(false);
    });
  });
});
