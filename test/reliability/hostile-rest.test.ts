/**
 * Hostile error details over HTTP: the REST backend (MSW) answers a command with a problem+json whose
 * `detail` is a hostile string; the force-close dialog shows it as text, nothing runs, a role error
 * still carries the reference page's guidance.
 */
import '../setup.js';
import '../../src/components/force-close-dialog/force-close-dialog.define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { ForceCloseDialog } from '../../src/components/force-close-dialog/force-close-dialog.js';
import { canForceClose } from '../../src/domain/index.js';
import { harness, pick, type Harness } from '../fixtures/rest.js';
import {
  SCRIPT_PAYLOADS,
  armDetector,
  deepText,
  executions,
  injectedElements,
  reportCases,
} from './corpus.js';

const ANSWERS = [
  { label: '403 role error', status: 403, type: 'forbidden', guidance: true },
  { label: '409 conflict', status: 409, type: 'conflict', guidance: false },
  { label: '422 refused', status: 422, type: 'invalid', guidance: false },
] as const;

describe('reliability: hostile error details over HTTP', function () {
  this.timeout(20_000);
  reportCases('input (HTTP error details)');

  let h: Harness | null = null;
  let detail = '';
  let answer: (typeof ANSWERS)[number] = ANSWERS[0];

  before(async () => {
    armDetector();
    h = await harness({
      handlers: [
        http.post('*/conversations/:id/force-close', () =>
          HttpResponse.json(
            { type: answer.type, title: detail, detail, kind: answer.type, currentVersion: 1 },
            { status: answer.status, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      ],
    });
  });
  after(() => h?.dispose());

  for (const a of ANSWERS) {
    for (const payload of SCRIPT_PAYLOADS) {
      it(`${a.label} with detail ${JSON.stringify(payload).slice(0, 50)}: shown as text, nothing runs`, async () => {
        answer = a;
        detail = payload;
        const c = pick(h!.simulator, canForceClose);
        const el = await fixture<ForceCloseDialog>(
          html`<force-close-dialog .service=${h!.service}></force-close-dialog>`,
        );
        el.show(c.id);
        await waitUntil(() => el.shadowRoot!.querySelector('button.danger'), 'confirm button');
        el.shadowRoot!.querySelector<HTMLButtonElement>('button.danger')!.click();
        await waitUntil(() => deepText(el).includes(payload), 'the detail shown', {
          timeout: 5000,
        });
        expect(executions(), 'script executions').to.equal(0);
        expect(injectedElements(el), 'elements from payloads').to.deep.equal([]);
        if (a.guidance) expect(deepText(el)).to.include('Omnichannel API access');
        expect(h!.simulator.getConversation(c.id)?.status, 'nothing applied').to.not.equal(
          'closed',
        );
        el.close();
      });
    }
  }
});
