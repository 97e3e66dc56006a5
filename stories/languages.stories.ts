import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/supervisor-console/supervisor-console.define.js';
import { setSupervisorLocale, type SupervisorLocale } from '../src/i18n/index.js';

/**
 * The console in another language and mirrored for right-to-left pages (README "Languages and
 * right-to-left"). The toolbar's Language and Direction switches do the same for every story.
 */
interface LanguageArgs {
  locale: SupervisorLocale;
  dir: 'ltr' | 'rtl';
}

const render = (args: LanguageArgs): TemplateResult => html`
  <div dir=${args.dir} lang=${args.locale} style="--sc-table-height: 24rem">
    <supervisor-console .simulatorOptions=${{ seed: 42, conversations: 40 }}></supervisor-console>
  </div>
`;

const meta: Meta<LanguageArgs> = {
  title: 'Guides/Languages and right-to-left',
  render,
  parameters: { layout: 'padded', docs: { story: { inline: false, height: '52rem' } } },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'de'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
};
export default meta;

type Story = StoryObj<LanguageArgs>;

/** Mirrored: the first column on the right, the side panels on the left, arrow keys reversed. */
export const RightToLeft: Story = {
  args: { locale: 'en', dir: 'rtl' },
  globals: { locale: 'en' },
  play: async ({ args }) => setSupervisorLocale(args.locale),
  parameters: { test: { shows: ['Your interventions', 'Transfers'] } },
};

/** Every word in German; times, durations and counts through `Intl` in German. */
export const German: Story = {
  args: { locale: 'de', dir: 'ltr' },
  globals: { locale: 'de' },
  play: async ({ args }) => setSupervisorLocale(args.locale),
  parameters: { test: { shows: ['Ihre Eingriffe', 'Weiterleitungen'] } },
};
