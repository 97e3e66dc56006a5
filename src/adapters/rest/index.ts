/** The REST + Server-Sent Events adapter (the HTTP contract is api/openapi.json). */
export { RestAdapter, type RestAdapterOptions } from './rest-adapter.js';
export type { BackoffOptions } from './backoff.js';
export {
  PROBLEM_MEDIA_TYPE,
  PROBLEM_STATUS,
  PROBLEM_TYPES,
  errorFromProblem,
  problemFromError,
  parseRetryAfter,
  type ProblemDocument,
} from './problem.js';
export { SseParser, formatSseEvent, type SseEvent, type SseHandlers } from './sse-parser.js';
