/** The in-memory simulated contact centre: a `BackendAdapter` for demos, stories and tests. */
export { SimulatedCentre, TICK_MS, IDEMPOTENCY_MEMORY } from './simulated-centre.js';
export type { SimulatorOptions, DurationRange } from './options.js';
export { DEFAULT_SUPERVISOR } from './options.js';
export type { SimulatorFaults, FaultScope, CommandErrorFault, FaultsPatch } from './faults.js';
export { NO_FAULTS } from './faults.js';
