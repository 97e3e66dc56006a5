/**
 * Imported by every element test: fails the test in which Lit issued a dev-mode warning (the
 * test runner's page collects them into `window.__litWarnings`; see web-test-runner.config.mjs).
 */
declare global {
  interface Window {
    __litWarnings?: string[];
  }
}

afterEach(function failOnLitWarnings() {
  const warnings = window.__litWarnings ?? [];
  if (warnings.length > 0) {
    const text = warnings.join('\n');
    warnings.length = 0;
    throw new Error(`Lit dev-mode warning(s) during "${this.currentTest?.title}":\n${text}`);
  }
});

export {};
