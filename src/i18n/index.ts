/** Languages and locale switching for hosts; see `setSupervisorLocale`. */
export {
  SUPERVISOR_LOCALES,
  getSupervisorLocale,
  isSupervisorLocale,
  loadSupervisorLocale,
  setSupervisorLocale,
} from './locale.js';
export type { SupervisorLocale } from './locale.js';
export { followDocumentLanguage, supervisorLocaleFor } from './follow-document.js';
