/**
 * Who else is here: the other supervisors monitoring, joined to, or last acting on a conversation,
 * for the table and the monitor panel. Pure; names come from the service's supervisor map.
 */
import type { ChangeAction, Conversation, Supervisor } from './types.js';

/** Another supervisor on a conversation, and how. */
export interface SupervisorPresence {
  /** The supervisor (name falls back to the id when the centre did not name them). */
  readonly supervisor: Supervisor;
  /** `joined`: a visible participant; `monitoring`: watching silently; `acted`: neither, but made the last change. */
  readonly role: 'joined' | 'monitoring' | 'acted';
  /** Set when this supervisor made the conversation's last change. */
  readonly lastAction: { readonly action: ChangeAction; readonly at: number } | null;
}

const ORDER = { joined: 0, monitoring: 1, acted: 2 } as const;

/**
 * The supervisors other than `myId` on `c`: joined ones first, then monitoring ones, then one who
 * neither watches nor joined but made the last change; by name within a role. Never includes `myId`.
 */
export function whoElseIsHere(
  c: Conversation,
  myId: string,
  supervisorsById: ReadonlyMap<string, Supervisor>,
): SupervisorPresence[] {
  const last = c.lastChange?.by.type === 'supervisor' ? c.lastChange : null;
  const lastBy = last?.by.id ?? null;
  const ids = new Set<string>([...c.joinedBy, ...c.monitoredBy]);
  if (lastBy !== null) ids.add(lastBy);
  ids.delete(myId);
  const out: SupervisorPresence[] = [];
  for (const id of ids) {
    const known = supervisorsById.get(id);
    const supervisor: Supervisor = known?.name ? known : { id, name: known?.name || id };
    const role = c.joinedBy.includes(id)
      ? 'joined'
      : c.monitoredBy.includes(id)
        ? 'monitoring'
        : 'acted';
    out.push({
      supervisor,
      role,
      lastAction: last && lastBy === id ? { action: last.action, at: last.at } : null,
    });
  }
  return out.sort(
    (a, b) => ORDER[a.role] - ORDER[b.role] || a.supervisor.name.localeCompare(b.supervisor.name),
  );
}
