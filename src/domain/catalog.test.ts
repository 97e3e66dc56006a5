import { expect } from '@open-wc/testing';
import {
  SENTIMENT_SCALE,
  channelLabel,
  costOf,
  isMessagingChannel,
  presenceLabel,
  sentimentLabel,
  sentimentScore,
  shiftSentiment,
  statusLabel,
} from './index.js';

describe('domain catalog', () => {
  it('has a seven-step sentiment scale from very negative to very positive', () => {
    expect(SENTIMENT_SCALE).to.have.length(7);
    expect(SENTIMENT_SCALE.map(sentimentScore)).to.deep.equal([-3, -2, -1, 0, 1, 2, 3]);
    expect(SENTIMENT_SCALE.map(sentimentLabel)).to.deep.equal([
      'Very negative',
      'Negative',
      'Slightly negative',
      'Neutral',
      'Slightly positive',
      'Positive',
      'Very positive',
    ]);
  });

  it('shifts sentiment along the scale, clamped at both ends', () => {
    expect(shiftSentiment('neutral', 1)).to.equal('slightly-positive');
    expect(shiftSentiment('neutral', -2)).to.equal('negative');
    expect(shiftSentiment('very-positive', 3)).to.equal('very-positive');
    expect(shiftSentiment('very-negative', -1)).to.equal('very-negative');
  });

  it('tells messaging channels from voice and records', () => {
    for (const c of ['live-chat', 'sms', 'whatsapp', 'facebook', 'teams']) {
      expect(isMessagingChannel(c), c).to.equal(true);
    }
    for (const c of ['voice', 'record', 'carrier-pigeon'])
      expect(isMessagingChannel(c), c).to.equal(false);
  });

  it('labels unknown values from a newer backend as sent, never crashing', () => {
    expect(statusLabel('escalated-to-legal')).to.equal('escalated-to-legal');
    expect(channelLabel('carrier-pigeon')).to.equal('carrier-pigeon');
    expect(presenceLabel('In a meeting')).to.equal('In a meeting');
    expect(statusLabel('')).to.equal('Unknown');
    expect(sentimentLabel('ecstatic')).to.equal('Unknown');
    expect(sentimentScore('ecstatic')).to.equal(0);
    expect(statusLabel('wrap-up')).to.equal('Wrap-up');
    expect(presenceLabel('busy-dnd')).to.equal('Do not disturb');
  });

  it('costs a conversation its own units, else its channel workload', () => {
    expect(costOf({ channel: 'voice' })).to.equal(5);
    expect(costOf({ channel: 'sms' })).to.equal(1);
    expect(costOf({ channel: 'sms', cost: 3 })).to.equal(3);
    expect(costOf({ channel: 'sms', cost: Number.NaN })).to.equal(1);
    expect(costOf({ channel: 'carrier-pigeon' as 'sms' })).to.equal(1);
  });
});
