/**
 * Every story is a test fixture: for each named export of each stories module, compose the meta's and
 * the story's args and parameters, install the story's MSW handlers, render it with the story's render
 * function (`story.render ?? meta.render`), wait until its frame's setup is done and the element has
 * settled, run its `play` function if it has one, then check it with axe. Lit dev-mode warnings fail
 * the story (test/setup.ts), and no hostile string may ever run.
 *
 * After Spectrum Web Components' `test/visual/test.ts`, with `visualDiff` replaced by axe.
 */
import './setup.js';
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { TemplateResult } from 'lit';
import * as assignDialog from '../stories/assign-dialog.stories.js';
import * as bulkActionDialog from '../stories/bulk-action-dialog.stories.js';
import * as forceCloseDialog from '../stories/force-close-dialog.stories.js';
import * as languages from '../stories/languages.stories.js';
import * as monitorPanel from '../stories/monitor-panel.stories.js';
import * as table from '../stories/ongoing-conversations-table.stories.js';
import * as representativesBoard from '../stories/representatives-board.stories.js';
import * as supervisorConsole from '../stories/supervisor-console.stories.js';
import * as theming from '../stories/theming.stories.js';
import * as transferDialog from '../stories/transfer-dialog.stories.js';
import { hostileStringRan } from '../stories/support/data.js';
import type { StoryFrame } from '../stories/support/story-frame.js';

/** A CSF3 story or meta, as far as this harness needs it. */
interface Annotations {
  readonly title?: string;
  readonly args?: Record<string, unknown>;
  readonly parameters?: Record<string, unknown> & {
    readonly msw?: { readonly handlers?: readonly HttpHandler[] } | readonly HttpHandler[];
    /** Text the story must show once settled (checked here: the story reached its state). */
    readonly test?: { readonly shows?: string | readonly string[] };
  };
  readonly render?: (args: Record<string, unknown>, context: unknown) => TemplateResult;
  readonly play?: (context: {
    canvasElement: HTMLElement;
    args: Record<string, unknown>;
  }) => Promise<void> | void;
}

type StoriesModule = { readonly default: Annotations } & Record<string, unknown>;

/** Every stories module, by file name (a test below checks that none is missing). */
const MODULES_BY_FILE: Readonly<Record<string, StoriesModule>> = {
  'ongoing-conversations-table.stories.ts': table as StoriesModule,
  'assign-dialog.stories.ts': assignDialog as StoriesModule,
  'transfer-dialog.stories.ts': transferDialog as StoriesModule,
  'force-close-dialog.stories.ts': forceCloseDialog as StoriesModule,
  'bulk-action-dialog.stories.ts': bulkActionDialog as StoriesModule,
  'monitor-panel.stories.ts': monitorPanel as StoriesModule,
  'representatives-board.stories.ts': representativesBoard as StoriesModule,
  'supervisor-console.stories.ts': supervisorConsole as StoriesModule,
  'theming.stories.ts': theming as StoriesModule,
  // Last: its German story leaves the page in German.
  'languages.stories.ts': languages as StoriesModule,
};

const MODULES: readonly StoriesModule[] = Object.values(MODULES_BY_FILE);

let worker: SetupWorker | null = null;

/** The page's MSW worker, started on the first story that has handlers. */
async function mockWorker(): Promise<SetupWorker> {
  if (!worker) {
    const w = setupWorker();
    await w.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
    worker = w;
  }
  return worker;
}

function handlersOf(parameters: Annotations['parameters']): readonly HttpHandler[] {
  const msw = parameters?.msw;
  if (!msw) return [];
  return Array.isArray(msw) ? msw : ((msw as { handlers?: HttpHandler[] }).handlers ?? []);
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits for every story frame's setup, then for the elements inside to render. */
async function settled(root: Element): Promise<void> {
  const frames = [
    ...(root.localName === 'sc-story-frame' ? [root] : []),
    ...root.querySelectorAll('sc-story-frame'),
  ] as StoryFrame[];
  await Promise.all(frames.map((f) => f.ready));
  if (frames.length === 0) {
    // A story without a frame (e.g. a console on its own simulator): give its data a moment to come.
    const deadline = performance.now() + 3000;
    while (deepQuery(root, '[aria-busy="true"]') && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  for (let i = 0; i < 2; i++) {
    await frame();
    const elements = [...root.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
    await Promise.all(
      elements.map((e) => (e as Partial<{ updateComplete: Promise<unknown> }>).updateComplete),
    );
  }
}

/** The text of an element and its shadow trees, as the eye finds it (markup escaped as text). */
function deepText(node: Node): string {
  let text = '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const el = node as Element;
  if (el.shadowRoot) text += deepText(el.shadowRoot);
  for (const child of node.childNodes) text += deepText(child);
  return text;
}

/** The first match of `selector` in an element's light and shadow trees. */
function deepQuery(root: Element | ShadowRoot, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot ? deepQuery(el.shadowRoot, selector) : null;
    if (found) return found;
  }
  return null;
}

describe('Stories', () => {
  it('every stories module under stories/ is rendered here', async () => {
    const files = (await (await fetch('/__stories-index.json')).json()) as string[];
    expect(files).to.deep.equal(Object.keys(MODULES_BY_FILE).sort());
  });
});

for (const mod of MODULES) {
  const meta = mod.default;
  describe(`Stories: ${meta.title}`, () => {
    afterEach(async () => {
      fixtureCleanup();
      // Let the frames dispose their services (and REST adapters stop) before the handlers go.
      await new Promise((resolve) => setTimeout(resolve, 20));
      worker?.resetHandlers();
    });

    for (const [name, value] of Object.entries(mod)) {
      if (name === 'default') continue;
      const story = value as Annotations;
      it(`${name}: renders, settles and passes axe`, async () => {
        const args = { ...meta.args, ...story.args };
        const parameters = { ...meta.parameters, ...story.parameters };
        const handlers = handlersOf(parameters);
        if (handlers.length > 0) (await mockWorker()).use(...handlers);
        const render = story.render ?? meta.render;
        if (!render) throw new Error(`${meta.title} / ${name} has no render function`);
        const el = await fixture(render(args, { args, parameters, globals: {}, name }));
        await settled(el);
        if (story.play) {
          await story.play({ canvasElement: el.parentElement!, args });
          await settled(el);
        }
        // The story reached its state (a REST story may need a few round trips to get there).
        const shows = parameters.test?.shows ?? [];
        const expected = typeof shows === 'string' ? [shows] : shows;
        const visible = () => deepText(el).replace(/\s+/g, ' ');
        const deadline = performance.now() + 5000;
        let waited = false;
        while (!expected.every((t) => visible().includes(t)) && performance.now() < deadline) {
          waited = true;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const text = visible();
        for (const t of expected) expect(text, `${name} shows "${t}"`).to.include(t);
        if (waited) await settled(el);
        await expect(el).to.be.accessible();
        expect(hostileStringRan(), 'a hostile string ran').to.equal(false);
        if (name === 'HostileStrings') {
          expect(text, 'markup shown as text').to.match(/<script>|<img /);
          expect(deepQuery(el, 'script, img, a[href]'), 'no element injected').to.equal(null);
        }
      });
    }
  });
}
