import { expect } from '@open-wc/testing';
import { EventLog } from './event-log.js';
import { MockFaults, type StreamFaultListener } from './faults.js';

describe('EventLog', () => {
  it('gives consecutive ids and the events after a position', () => {
    const log = new EventLog(10);
    for (const d of ['a', 'b', 'c']) log.append(d);
    expect(log.lastId).to.equal(3);
    expect(log.since(1)).to.deep.equal([
      { id: 2, data: 'b' },
      { id: 3, data: 'c' },
    ]);
    expect(log.since(3)).to.deep.equal([]);
  });

  it('keeps the last `capacity` events; an older position needs a resync', () => {
    const log = new EventLog(2);
    for (const d of ['a', 'b', 'c', 'd']) log.append(d);
    expect(log.oldestId).to.equal(3);
    expect(log.since(2)).to.deep.equal([
      { id: 3, data: 'c' },
      { id: 4, data: 'd' },
    ]);
    expect(log.since(1)).to.equal('gap-too-old');
    expect(log.since(5)).to.equal('unknown-position');
    expect(log.since(-1)).to.equal('unknown-position');
  });

  it('after a restart every earlier position needs a resync, the new one resumes', () => {
    const log = new EventLog(10);
    log.append('a');
    log.append('b');
    log.restart();
    expect(log.since(2)).to.equal('restarted');
    expect(log.since(log.lastId)).to.deep.equal([]);
    log.append('c');
    expect(log.since(3)).to.deep.equal([{ id: 4, data: 'c' }]);
  });
});

describe('MockFaults', () => {
  it('hits matching endpoints in order, counts down and switches off', () => {
    const f = new MockFaults()
      .fail('assign', 'unavailable', { times: 2 })
      .inject({ kind: 'forbidden', on: ['assign', 'join'] });
    expect(f.take('monitor')).to.equal(null);
    expect(f.take('assign')?.kind).to.equal('unavailable');
    expect(f.take('assign')?.kind).to.equal('unavailable');
    expect(f.take('assign')?.kind).to.equal('forbidden');
    expect(f.take('join')?.kind).to.equal('forbidden');
    expect(f.http).to.have.length(1);
    expect(f.log.map((e) => `${e.endpoint}:${e.kind}`)).to.deep.equal([
      'assign:unavailable',
      'assign:unavailable',
      'assign:forbidden',
      'join:forbidden',
    ]);
    f.reset();
    expect(f.take('assign')).to.equal(null);
  });

  it('a fault without endpoints hits every endpoint', () => {
    const f = new MockFaults().inject({ kind: 'server-error', times: 2 });
    expect(f.take('snapshot')?.kind).to.equal('server-error');
    expect(f.take('transcript-events')?.kind).to.equal('server-error');
    expect(f.take('events')).to.equal(null);
  });

  it('counts stream faults down and tells listeners to drop or stall', () => {
    const f = new MockFaults().duplicateEvents(2).reorderEvents().malformEvents(1);
    expect(f.stream).to.deep.equal({ duplicate: 2, reorder: 1, malformed: 1 });
    expect(f.consume('duplicate')).to.equal(true);
    expect(f.consume('duplicate')).to.equal(true);
    expect(f.consume('duplicate')).to.equal(false);
    const heard: string[] = [];
    const listener: StreamFaultListener = {
      drop: () => heard.push('drop'),
      stall: () => heard.push('stall'),
    };
    const stop = f.listen(listener);
    f.dropStreams().stallStreams();
    stop();
    f.dropStreams();
    expect(heard).to.deep.equal(['drop', 'stall']);
  });
});
