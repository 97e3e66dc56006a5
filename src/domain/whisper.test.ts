import { expect } from '@open-wc/testing';
import {
  WHISPER_MAX_LENGTH,
  canWhisper,
  checkWhisperText,
  type Conversation,
  type RefusalReason,
  type Verdict,
} from './index.js';
import { ALL_ON, SUPERVISOR_ID, context, conversation } from '../../test/fixtures/domain.js';

function expectVerdict(verdict: Verdict, expected: true | RefusalReason): void {
  if (expected === true) {
    expect(verdict, JSON.stringify(verdict)).to.deep.equal({ allowed: true });
  } else {
    expect(verdict.allowed, 'allowed').to.equal(false);
    if (!verdict.allowed) {
      expect(verdict.reason).to.equal(expected);
      expect(verdict.detail, 'a human-readable explanation').to.be.a('string').and.not.empty;
    }
  }
}

const MONITORING: Partial<Conversation> = { monitoredBy: [SUPERVISOR_ID] };

describe('domain: whisper', () => {
  const rows: [string, Partial<Conversation>, true | RefusalReason][] = [
    ['Active live chat, monitoring', MONITORING, true],
    [
      'Waiting WhatsApp, monitoring',
      { ...MONITORING, status: 'waiting', channel: 'whatsapp' },
      true,
    ],
    ['not monitoring', {}, 'not-monitoring'],
    ['someone else monitors', { monitoredBy: ['sup-other'] }, 'not-monitoring'],
    ['Wrap-up', { ...MONITORING, status: 'wrap-up' }, 'status'],
    ['Open', { ...MONITORING, status: 'open' }, 'status'],
    ['Closed', { ...MONITORING, status: 'closed' }, 'status'],
    ['voice call', { ...MONITORING, channel: 'voice', mode: 'voice' }, 'channel'],
    ['record', { ...MONITORING, channel: 'record' }, 'channel'],
    ['chat escalated to voice', { ...MONITORING, mode: 'voice' }, 'escalated'],
    ['chat escalated to video', { ...MONITORING, mode: 'video' }, 'escalated'],
    ['nobody assigned', { ...MONITORING, representativeId: null }, 'no-representative'],
    ['an AI agent handles it', { ...MONITORING, representativeId: 'rep-ai' }, 'ai-agent'],
  ];
  for (const [name, overrides, expected] of rows) {
    it(`${name} → ${expected === true ? 'allowed' : expected}`, () => {
      expectVerdict(canWhisper(context(), conversation(overrides)), expected);
    });
  }

  it('the monitor switch off refuses it first, whatever else holds', () => {
    const ctx = context({ settings: { ...ALL_ON, monitor: false } });
    expectVerdict(canWhisper(ctx, conversation(MONITORING)), 'switch-off');
    expectVerdict(canWhisper(ctx, conversation({ status: 'open' })), 'switch-off');
    // The other switches do not matter.
    const others = context({
      settings: { monitor: true, assign: false, transfer: false, forceClose: false },
    });
    expectVerdict(canWhisper(others, conversation(MONITORING)), true);
  });

  it('text: blank or too long is refused, the limit itself is fine', () => {
    expectVerdict(checkWhisperText('Offer the refund'), true);
    expectVerdict(checkWhisperText(''), 'empty-message');
    expectVerdict(checkWhisperText('   \n '), 'empty-message');
    expectVerdict(checkWhisperText(undefined), 'empty-message');
    expectVerdict(checkWhisperText('x'.repeat(WHISPER_MAX_LENGTH)), true);
    expectVerdict(checkWhisperText(` ${'x'.repeat(WHISPER_MAX_LENGTH)} `), true);
    expectVerdict(checkWhisperText('x'.repeat(WHISPER_MAX_LENGTH + 1)), 'too-long');
  });
});
