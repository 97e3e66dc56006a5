/**
 * The simulated router: which representative takes a conversation. O(1): a few random tries among
 * the queue's people, then the AI agents, never a scan of everyone.
 */
import { costOf, isMessagingChannel } from '../../domain/index.js';
import type { Conversation, Representative } from '../../domain/index.js';
import type { Random } from './random.js';
import type { World } from './world.js';

/** How many random representatives the router tries before giving up (the conversation waits). */
const TRIES = 6;

/**
 * `seed` places the starting world (anyone not offline may hold conversations); `live` is routing
 * during the run (only available people are offered work).
 */
export type RoutingMode = 'seed' | 'live';

function fits(rep: Representative | undefined, cost: number): rep is Representative {
  return rep !== undefined && rep.capacity.used + cost <= rep.capacity.total;
}

function presenceOk(rep: Representative, mode: RoutingMode): boolean {
  return mode === 'seed' ? rep.presence !== 'offline' : rep.presence === 'available';
}

function tryHumans(world: World, rng: Random, c: Conversation, mode: RoutingMode): string | null {
  const queued = c.queueId ? world.humansByQueue.get(c.queueId) : undefined;
  const pool = queued && queued.length > 0 ? queued : world.humanIds;
  if (pool.length === 0) return null;
  const cost = costOf(c);
  for (let i = 0; i < TRIES; i++) {
    const rep = world.representatives.get(rng.pick(pool));
    if (fits(rep, cost) && presenceOk(rep, mode)) return rep.id;
  }
  return null;
}

function tryAgents(world: World, rng: Random, c: Conversation): string | null {
  // Virtual agents take text conversations only; calls and records go to people.
  if (world.aiIds.length === 0 || !isMessagingChannel(c.channel) || c.mode !== 'text') return null;
  const cost = costOf(c);
  for (let i = 0; i < TRIES / 2; i++) {
    const rep = world.representatives.get(rng.pick(world.aiIds));
    if (fits(rep, cost)) return rep.id;
  }
  return null;
}

/**
 * Picks who takes `c`: an AI agent first for a quarter of text conversations, else a person from its
 * queue with presence and room, else any AI agent with room; `null` when nobody fits (it stays Open).
 */
export function chooseRepresentative(
  world: World,
  rng: Random,
  c: Conversation,
  mode: RoutingMode,
): string | null {
  if (rng.chance(0.25)) {
    const agent = tryAgents(world, rng, c);
    if (agent) return agent;
  }
  return tryHumans(world, rng, c, mode) ?? tryAgents(world, rng, c);
}
