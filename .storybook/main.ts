import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for designers and host developers: every element and state, with MSW mocks per story. */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // Autodocs pages (tags: ['autodocs'] in preview.ts), fed by the custom-elements manifest.
  addons: ['@storybook/addon-docs'],
  // public/mockServiceWorker.js is served from the root, where msw-storybook-addon registers it.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  docs: {},
  viteFinal(viteConfig) {
    // Storybook's own preview runtime is one ~1.1 MB chunk; that is expected, not a warning.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1600 };
    return viteConfig;
  },
};

export default config;
