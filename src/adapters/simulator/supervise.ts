/**
 * The other supervisors of the simulated centre: now and then one of them starts or stops monitoring
 * a conversation, joins or leaves one they monitor, assigns an Open conversation or transfers one to
 * another queue, so who-else-is-here and "changed by NAME" have live data. Monitoring stays silent
 * (only `monitoredBy` changes, no transcript line, no `lastChange`); everything else is stamped with
 * `lastChange` naming that supervisor. Each supervisor watches at most `MAX_WATCHED` conversations,
 * and every pick is O(1).
 */
import { canMonitor, isMessagingChannel } from '../../domain/index.js';
import type { Conversation } from '../../domain/index.js';
import type { CentreChange } from '../backend-adapter.js';
import type { Random, Weighted } from './random.js';
import { chooseRepresentative } from './routing.js';
import { appendSystem } from './transcripts.js';
import { changedBy, supervisorActor, updateConversation, type World } from './world.js';

/** How many conversations one simulated supervisor monitors at once, at most. */
export const MAX_WATCHED = 3;

type Move = 'monitor' | 'unmonitor' | 'join' | 'leave' | 'assign' | 'transfer';

/** Conversations a supervisor still monitors (closed or dropped ones are forgotten on the way). */
function watched(world: World, supervisorId: string): Conversation[] {
  const ids = world.watching.get(supervisorId) ?? [];
  const live: Conversation[] = [];
  for (const id of ids) {
    const c = world.conversations.get(id);
    if (c?.monitoredBy.includes(supervisorId)) live.push(c);
  }
  if (live.length !== ids.length) {
    world.watching.set(
      supervisorId,
      live.map((c) => c.id),
    );
  }
  return live;
}

function pickActive(world: World, rng: Random): Conversation | undefined {
  const status = rng.chance(0.8) ? 'active' : 'wrap-up';
  const id = world.byStatus[status].pick(rng);
  return id === undefined ? undefined : world.conversations.get(id);
}

/**
 * One action by one of the other supervisors. Returns the changes (none when the drawn action found
 * nothing to act on).
 */
export function supervise(world: World, rng: Random): CentreChange[] {
  if (world.otherSupervisorIds.length === 0) return [];
  const id = rng.pick(world.otherSupervisorIds);
  const name = world.supervisors.get(id)?.name ?? id;
  const mine = watched(world, id);
  const joined = mine.filter((c) => c.joinedBy.includes(id));
  const moves: Weighted<Move>[] = [
    ['monitor', mine.length < MAX_WATCHED ? 4 : 0],
    ['unmonitor', mine.length > 0 ? 2 : 0],
    ['join', mine.length > joined.length ? 1.5 : 0],
    ['leave', joined.length > 0 ? 2 : 0],
    ['assign', 1],
    ['transfer', 0.3],
  ];
  const by = (action: string) => changedBy(world, supervisorActor(id), action);

  switch (rng.weighted(moves)) {
    case 'monitor': {
      const c = pickActive(world, rng);
      const ctx = {
        settings: world.settings,
        supervisorId: id,
        representatives: world.representatives,
      };
      // The same rule as the signed-in supervisor's, with this supervisor's id; their switches are on.
      const allowed = c && canMonitor({ ...ctx, settings: { ...ctx.settings, monitor: true } }, c);
      if (!c || !allowed?.allowed || c.monitoredBy.includes(id)) return [];
      world.watching.set(id, [...mine.map((m) => m.id), c.id]);
      return updateConversation(world, c.id, { monitoredBy: [...c.monitoredBy, id] });
    }
    case 'unmonitor': {
      const c = rng.pick(mine);
      const wasJoined = c.joinedBy.includes(id);
      world.watching.set(
        id,
        mine.filter((m) => m.id !== c.id).map((m) => m.id),
      );
      const changes = updateConversation(world, c.id, {
        monitoredBy: c.monitoredBy.filter((s) => s !== id),
        joinedBy: c.joinedBy.filter((s) => s !== id),
        ...(wasJoined ? by('leave') : {}),
      });
      if (wasJoined) appendSystem(world, c.id, `${name} left the conversation.`);
      return changes;
    }
    case 'join': {
      const c = rng.pick(mine.filter((m) => !m.joinedBy.includes(id)));
      const changes = updateConversation(world, c.id, {
        joinedBy: [...c.joinedBy, id],
        ...by('join'),
      });
      appendSystem(world, c.id, `${name} joined the conversation.`);
      return changes;
    }
    case 'leave': {
      const c = rng.pick(joined);
      const changes = updateConversation(world, c.id, {
        joinedBy: c.joinedBy.filter((s) => s !== id),
        ...by('leave'),
      });
      appendSystem(world, c.id, `${name} left the conversation.`);
      return changes;
    }
    case 'assign': {
      const openId = world.byStatus.open.pick(rng);
      const c = openId === undefined ? undefined : world.conversations.get(openId);
      if (!c || c.pendingTransfer || c.representativeId !== null) return [];
      const rep = chooseRepresentative(world, rng, c, 'live');
      if (!rep) return [];
      const changes = updateConversation(world, c.id, {
        status: 'active',
        representativeId: rep,
        acceptedAt: world.now(),
        ...by('assign'),
      });
      const repName = world.representatives.get(rep)?.name ?? rep;
      appendSystem(world, c.id, `${repName} joined the conversation.`);
      return changes;
    }
    case 'transfer': {
      const c = pickActive(world, rng);
      if (
        !c ||
        c.status !== 'active' ||
        c.pendingTransfer ||
        c.mode !== 'text' ||
        !isMessagingChannel(c.channel) ||
        c.representativeId === null ||
        c.representativeId === world.supervisor.id ||
        world.queues.length < 2
      ) {
        return [];
      }
      const queue = rng.pick(world.queues.filter((q) => q.id !== c.queueId));
      if (!queue) return [];
      const changes = updateConversation(world, c.id, {
        status: 'open',
        queueId: queue.id,
        representativeId: null,
        consultantIds: [],
        enteredQueueAt: world.now(),
        acceptedAt: null,
        ...by('transfer'),
      });
      appendSystem(world, c.id, `Transferred to the ${queue.name} queue.`);
      return changes;
    }
  }
}
