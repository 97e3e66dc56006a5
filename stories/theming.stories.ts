import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/components/supervisor-console/supervisor-console.define.js';

/**
 * Theming a host's way: the `--sc-*` tokens (README "Theming") set on an ancestor of the elements.
 * Every element reads the same tokens, so one rule themes the console and everything inside it.
 */
interface ThemeArgs {
  /** `--sc-color-scheme`: `light`, `dark`, or `light dark` to follow the OS. */
  colorScheme: 'light' | 'dark' | 'light dark';
  accent: string;
  accentText: string;
  background: string;
  surface: string;
  text: string;
  border: string;
  radius: string;
  fontFamily: string;
  fontSize: string;
  rowHeight: string;
}

const render = (args: ThemeArgs): TemplateResult => html`
  <div
    style=${styleMap({
      '--sc-color-scheme': args.colorScheme,
      '--sc-color-accent': args.accent,
      '--sc-color-accent-text': args.accentText,
      '--sc-color-background': args.background,
      '--sc-color-surface': args.surface,
      '--sc-color-text': args.text,
      '--sc-color-border': args.border,
      '--sc-radius': args.radius,
      '--sc-font-family': args.fontFamily,
      '--sc-font-size': args.fontSize,
      '--sc-row-height': args.rowHeight,
      '--sc-table-height': '24rem',
      // The host page's own background, so light text is read on the dark theme's colours.
      background: args.background,
      color: args.text,
      padding: '1rem',
    })}
  >
    <supervisor-console .simulatorOptions=${{ seed: 42, conversations: 40 }}></supervisor-console>
  </div>
`;

const meta: Meta<ThemeArgs> = {
  title: 'Guides/Theming',
  render,
  parameters: { layout: 'padded', docs: { story: { inline: false, height: '52rem' } } },
  argTypes: {
    colorScheme: { control: 'inline-radio', options: ['light', 'dark', 'light dark'] },
    accent: { control: 'color' },
    accentText: { control: 'color' },
    background: { control: 'color' },
    surface: { control: 'color' },
    text: { control: 'color' },
    border: { control: 'color' },
  },
};
export default meta;

type Story = StoryObj<ThemeArgs>;

/** A brand theme: purple accent, rounder corners, a serif-free brand font, taller rows. */
export const Brand: Story = {
  args: {
    colorScheme: 'light',
    accent: '#6b2fb3',
    accentText: '#ffffff',
    background: '#fdfcff',
    surface: '#f3effa',
    text: '#1d1530',
    border: '#d8cfe8',
    radius: '12px',
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    fontSize: '0.9rem',
    rowHeight: '44px',
  },
};

/** The same brand in dark: the host sets `--sc-color-scheme: dark` and its dark colours. */
export const BrandDark: Story = {
  args: {
    colorScheme: 'dark',
    accent: '#c6a4ff',
    accentText: '#1d1530',
    background: '#17121f',
    surface: '#221a2e',
    text: '#ece6f7',
    border: '#3d3350',
    radius: '12px',
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    fontSize: '0.9rem',
    rowHeight: '44px',
  },
};

/** A dense, high-information layout: small font and 32 px rows (the table windows by row height). */
export const Compact: Story = {
  args: {
    colorScheme: 'light dark',
    accent: '#0f62c9',
    accentText: '#ffffff',
    background: '#ffffff',
    surface: '#f6f7f9',
    text: '#1b1f24',
    border: '#d4d9df',
    radius: '3px',
    fontFamily: 'system-ui',
    fontSize: '0.8rem',
    rowHeight: '32px',
  },
};
