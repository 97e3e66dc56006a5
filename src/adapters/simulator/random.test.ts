import { expect } from '@open-wc/testing';
import { IdSet } from './id-set.js';
import { Random, hashSeed } from './random.js';

describe('simulator: Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).to.deep.equal(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.to.deep.equal(seqA);
  });

  it('keeps helpers within their ranges', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n).to.be.within(3, 5);
      expect(Number.isInteger(n)).to.equal(true);
      expect(rng.between(1, 2)).to.be.within(1, 2);
      expect(['a', 'b']).to.include(rng.pick(['a', 'b']));
    }
  });

  it('draws by weight and never picks a zero weight', () => {
    const rng = new Random(9);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[
        rng.weighted<keyof typeof counts>([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ])
      ] += 1;
    }
    expect(counts.never).to.equal(0);
    expect(counts.a / counts.b).to.be.within(2.6, 3.4);
    expect(() => rng.weighted([['x', 0]])).to.throw();
  });

  it('derives independent, stable streams from one seed', () => {
    expect(hashSeed(1, 'transcript:c-1')).to.equal(hashSeed(1, 'transcript:c-1'));
    expect(hashSeed(1, 'transcript:c-1')).not.to.equal(hashSeed(1, 'transcript:c-2'));
    expect(Random.derive(5, 'x').next()).to.equal(Random.derive(5, 'x').next());
  });
});

describe('simulator: IdSet', () => {
  it('adds, deletes and picks in O(1) without losing members', () => {
    const set = new IdSet();
    for (let i = 0; i < 10; i++) set.add(`id-${i}`);
    set.add('id-3');
    expect(set.size).to.equal(10);
    set.delete('id-0');
    set.delete('id-9');
    set.delete('missing');
    expect(set.size).to.equal(8);
    expect(set.has('id-0')).to.equal(false);
    expect([...set.values()].sort()).to.deep.equal(
      ['id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-6', 'id-7', 'id-8'].sort(),
    );
    const rng = new Random(3);
    for (let i = 0; i < 50; i++) expect(set.has(set.pick(rng) as string)).to.equal(true);
    expect(new IdSet().pick(rng)).to.equal(undefined);
  });
});
