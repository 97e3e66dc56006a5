// Mutation check of the domain rules: flips one condition of src/domain/rules.ts at a time, runs the
// domain tests, and reports whether some test caught it. Every mutant must be "killed".
// Usage: npm run test:mutations   (takes about a minute; restores the file whatever happens)
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const FILE = 'src/domain/rules.ts';
const original = readFileSync(FILE, 'utf8');

/** [description, text to find, replacement] — each breaks one rule of the reference page. */
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
    "? refuse('current-queue', 'The conversation is already in this queue.')\n      : ALLOWED;\n  }\n  const rep = target.representative;\n  if (rep.kind !== 'human') {\n    return refuse('ai-agent', `${rep.name} is an AI agent; assign",
    "? ALLOWED\n      : ALLOWED;\n  }\n  const rep = target.representative;\n  if (rep.kind !== 'human') {\n    return refuse('ai-agent', `${rep.name} is an AI agent; assign",
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
    "if (c.status === 'closed') return refuse('status', 'The conversation is already closed.');",
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
];

let survivors = 0;
try {
  for (const [name, find, replace] of MUTANTS) {
    if (!original.includes(find)) {
      console.log(`?  ${name}: pattern not found (update this script)`);
      survivors += 1;
      continue;
    }
    writeFileSync(FILE, original.replace(find, replace));
    const run = spawnSync('npx', ['wtr', '--files', 'src/domain/**/*.test.ts'], {
      encoding: 'utf8',
    });
    const killed = run.status !== 0;
    if (!killed) survivors += 1;
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${name}`);
  }
} finally {
  writeFileSync(FILE, original);
}
console.log(`${MUTANTS.length - survivors} passed, ${survivors} failed`);
process.exit(survivors === 0 ? 0 : 1);
