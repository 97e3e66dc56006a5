/**
 * Loaded first by the CSP page: records every Content-Security-Policy / Trusted Types violation and
 * every uncaught error, for scripts/csp-check.mjs to read.
 */
export interface CspReport {
  violations: string[];
  errors: string[];
  ready: boolean;
}

declare global {
  interface Window {
    __csp: CspReport;
  }
}

export const report: CspReport = { violations: [], errors: [], ready: false };
window.__csp = report;
document.addEventListener('securitypolicyviolation', (e) => {
  report.violations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample || ''} (${e.sourceFile}:${e.lineNumber})`,
  );
});
window.addEventListener('error', (e) => {
  if (!String(e.message).includes('ResizeObserver loop')) report.errors.push(String(e.message));
});
window.addEventListener('unhandledrejection', (e) => report.errors.push(String(e.reason)));
