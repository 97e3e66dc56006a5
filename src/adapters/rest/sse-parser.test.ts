import { expect } from '@open-wc/testing';
import { SseParser, formatSseEvent, type SseEvent } from './sse-parser.js';

function parse(chunks: readonly string[]) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const parser = new SseParser({
    event: (e) => events.push(e),
    retry: (ms) => retries.push(ms),
    comment: (c) => comments.push(c),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, retries, comments };
}

describe('SseParser', () => {
  it('parses events with id, type and multi-line data', () => {
    const { events } = parse(['id: 7\nevent: changes\ndata: {"a":1}\ndata: more\n\n']);
    expect(events).to.deep.equal([{ id: '7', event: 'changes', data: '{"a":1}\nmore' }]);
  });

  it('defaults the type to message and leaves out an absent id', () => {
    const { events } = parse(['data: x\n\n']);
    expect(events).to.deep.equal([{ event: 'message', data: 'x' }]);
  });

  it('joins events split anywhere across chunks, CRLF and CR line ends included', () => {
    const text = 'id: 1\r\nevent: changes\r\ndata: {"n":1}\r\n\r\nid: 2\rdata: two\r\r';
    for (let cut = 1; cut < text.length; cut += 1) {
      const { events } = parse([text.slice(0, cut), text.slice(cut)]);
      expect(events, `cut at ${cut}`).to.deep.equal([
        { id: '1', event: 'changes', data: '{"n":1}' },
        { id: '2', event: 'message', data: 'two' },
      ]);
    }
  });

  it('reports comments and retry, ignores unknown fields and a leading BOM', () => {
    const { events, retries, comments } = parse([
      '\uFEFF: keep-alive\nretry: 1500\nretry: soon\nfoo: bar\ndata:no-space\n\n',
    ]);
    expect(comments).to.deep.equal(['keep-alive']);
    expect(retries).to.deep.equal([1500]);
    expect(events).to.deep.equal([{ event: 'message', data: 'no-space' }]);
  });

  it('dispatches nothing for a block without data, and drops an unfinished event at the end', () => {
    const { events } = parse(['id: 3\nevent: x\n\n', 'data: unfinished']);
    expect(events).to.deep.equal([]);
  });

  it('round-trips what formatSseEvent writes', () => {
    const text = formatSseEvent({ id: 12, event: 'changes', data: 'a\nb', retry: 50 });
    const { events, retries } = parse([text]);
    expect(retries).to.deep.equal([50]);
    expect(events).to.deep.equal([{ id: '12', event: 'changes', data: 'a\nb' }]);
  });
});
