// Mutation check of the domain rules: flips one condition of src/domain/rules.ts (or another rules
// file) at a time, runs the domain tests, and reports whether some test caught it. Every mutant must
// be "killed".
// Usage: npm run test:mutations   (takes about a minute; restores the file whatever happens)
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const RULES = 'src/domain/rules.ts';

/**
 * [description, text to find, replacement, file (default rules.ts)] — each breaks one rule of the
 * reference page or of the additions that keep to its rule table (whisper).
 */
const MUTANTS = [
  [
    'monitor allows Waiting',
    "c.status !== 'active' && c.status !== 'wrap-up'",
    "c.status === 'open'",
  ],
  ['monitor allows own conversation', 'c.representativeId === ctx.supervisorId', 'false'],
  ['assign allows non-Open', "if (c.status !== 'open')", "if (c.status === 'closed')"],
  ['assign allows already assigned', 'if (c.representativeId !== null)', 'if (false)'],
  [
    'assign offers the current queue',
    "? refuse('current-queue', msg('The conversation is already in this queue.'))\n      : ALLOWED;",
    '? ALLOWED\n      : ALLOWED;',
  ],
  [
    'presence override only for offline',
    "representative.presence !== 'available'",
    "representative.presence === 'offline'",
  ],
  ['capacity excess off by one', 'used + cost - total)', 'used + cost - total - 1)'],
  ['capacity excess negative', 'Math.max(0, used + cost - total)', '(used + cost - total)'],
  [
    'transfer refuses Waiting',
    "c.status !== 'active' && c.status !== 'waiting'",
    "c.status !== 'active'",
  ],
  [
    'transfer allows voice',
    'if (!isMessagingChannel(c.channel)) {',
    "if (c.channel === 'record') {",
  ],
  ['transfer allows video escalation', "if (c.mode !== 'text')", "if (c.mode === 'voice')"],
  ['transfer from AI agent', "current && current.kind !== 'human'", 'false'],
  ['transfer to current representative', 'rep.id === c.representativeId', 'false'],
  [
    'force close allows records',
    "c.channel !== 'voice' && !isMessagingChannel(c.channel)",
    'false',
  ],
  [
    'force close allows Closed',
    "if (c.status === 'closed') return refuse('status', msg('The conversation is already closed.'));",
    '',
  ],
  ['switches ignored', 'return settings[key]', 'return true'],
  ['transfer follows the assign switch', "transfer: 'transfer',", "transfer: 'assign',"],
  ['join without monitoring', '!c.monitoredBy.includes(ctx.supervisorId)', 'false'],
  ['second transfer while pending', 'if (c.pendingTransfer)', 'if (false)'],
  [
    'capacity override by presence',
    'assessment.needsCapacityOverride && !overrides.capacity',
    'assessment.needsCapacityOverride && !overrides.presence',
  ],
  [
    'whisper while the monitor switch is off',
    'if (!ctx.settings.monitor) {',
    'if (false) {',
    'src/domain/whisper.ts',
  ],
  [
    'whisper without monitoring',
    'if (!c.monitoredBy.includes(ctx.supervisorId)) {',
    'if (false) {',
    'src/domain/whisper.ts',
  ],
  [
    'whisper in a voice-escalated conversation',
    "if (c.mode !== 'text') {",
    'if (false) {',
    'src/domain/whisper.ts',
  ],
];

let survivors = 0;
const originals = new Map();
try {
  for (const [name, find, replace, file = RULES] of MUTANTS) {
    if (!originals.has(file)) originals.set(file, readFileSync(file, 'utf8'));
    const original = originals.get(file);
    if (!original.includes(find)) {
      console.log(`?  ${name}: pattern not found (update this script)`);
      survivors += 1;
      continue;
    }
    writeFileSync(file, original.replace(find, replace));
    const run = spawnSync('npx', ['wtr', '--files', 'src/domain/**/*.test.ts'], {
      encoding: 'utf8',
    });
    writeFileSync(file, original);
    const killed = run.status !== 0;
    if (!killed) survivors += 1;
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${name}`);
  }
} finally {
  for (const [file, original] of originals) writeFileSync(file, original);
}
console.log(`${MUTANTS.length - survivors} passed, ${survivors} failed`);
process.exit(survivors === 0 ? 0 : 1);
