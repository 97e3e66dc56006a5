/**
 * The CSP page's script: the whole widget (`<supervisor-console>` on the simulated centre) under a
 * strict Content-Security-Policy with Trusted Types enforced. Built by scripts/csp-check.mjs.
 */
// A used binding, so the bundler keeps the probe (package.json marks test files side-effect free).
import { report } from './probe.js';
import '../../../src/define.js';
import { SimulatedCentre } from '../../../src/adapters/simulator/index.js';
import type { SupervisorConsole } from '../../../src/components/supervisor-console/supervisor-console.js';
import { SupervisorService } from '../../../src/service/index.js';

const sim = new SimulatedCentre({ conversations: 200, changesPerSecond: 50, seed: 5 });
const service = new SupervisorService(sim).connect();
const el = document.createElement('supervisor-console') as SupervisorConsole;
el.service = service;
document.body.append(el);
Object.assign(window, { __service: service, __console: el });
report.ready = true;
