/**
 * The contact-centre domain as the supervisor sees it. Plain data, no behaviour: the rules that read it
 * live in `rules.ts`, so every element, the service and the simulator decide the same way.
 */

/** Where a conversation is in its life. The ongoing view shows every status but `closed`. */
export type ConversationStatus = 'open' | 'active' | 'waiting' | 'wrap-up' | 'closed';

/** Text channels: transfer is only possible on these (and only while still in text mode). */
export type MessagingChannel = 'live-chat' | 'sms' | 'whatsapp' | 'facebook' | 'teams';

/** A conversation's channel: messaging, a voice call, or a routed record (case, email). */
export type Channel = MessagingChannel | 'voice' | 'record';

/** The mode a conversation is in now; a messaging conversation may have been escalated. */
export type ConversationMode = 'text' | 'voice' | 'video';

/** Representatives are people or AI agents; supervisors transfer only between people. */
export type RepresentativeKind = 'human' | 'ai';

/** The standard presences; a backend may also send a custom label (any other string). */
export type StandardPresence = 'available' | 'busy' | 'busy-dnd' | 'away' | 'offline';

/** A representative's presence: one of the standard ones or a custom label. */
export type Presence = StandardPresence | (string & Record<never, never>);

/** Customer sentiment on the seven-step scale, from very negative to very positive. */
export type Sentiment =
  | 'very-negative'
  | 'negative'
  | 'slightly-negative'
  | 'neutral'
  | 'slightly-positive'
  | 'positive'
  | 'very-positive';

/** Unit-based capacity: each conversation costs units according to its channel's workload. */
export interface Capacity {
  /** Units this representative can carry at once. */
  readonly total: number;
  /** Units taken by the conversations they handle now. */
  readonly used: number;
}

/** A service representative: a human or an AI agent. */
export interface Representative {
  readonly id: string;
  /** Increases with every change; a change carrying an older version is stale. */
  readonly version: number;
  readonly name: string;
  readonly kind: RepresentativeKind;
  readonly presence: Presence;
  readonly capacity: Capacity;
  /** Queues this representative works in (used to rank assignment suggestions). */
  readonly queueIds: readonly string[];
}

/** A queue conversations wait in until a representative takes them. */
export interface Queue {
  readonly id: string;
  readonly name: string;
}

/** A transfer the supervisor asked for, waiting for the target representative's answer. */
export interface PendingTransfer {
  readonly fromRepresentativeId: string;
  /** The human representative asked to take over; `null` when transferred to a queue. */
  readonly toRepresentativeId: string | null;
  readonly toQueueId: string | null;
  /** Epoch milliseconds. */
  readonly requestedAt: number;
  /** Who asked for it. */
  readonly supervisorId: string;
}

/** One conversation as the ongoing-conversations view shows it. */
export interface Conversation {
  readonly id: string;
  /** Increases with every change; a change or command carrying an older version is stale. */
  readonly version: number;
  readonly customerName: string;
  readonly subject: string;
  readonly channel: Channel;
  readonly mode: ConversationMode;
  readonly status: ConversationStatus;
  readonly queueId: string | null;
  /** The primary representative, or `null` when nobody is assigned. */
  readonly representativeId: string | null;
  /** Representatives on the conversation as consultants (e.g. the source of a transfer). */
  readonly consultantIds: readonly string[];
  readonly sentiment: Sentiment;
  /** Capacity units this conversation costs; defaults to its channel's workload (see `costOf`). */
  readonly cost?: number;
  /** Epoch ms: when it entered the queue (wait time counts from here while unassigned). */
  readonly enteredQueueAt: number;
  /** Epoch ms of the customer's last message, or `null`. */
  readonly lastCustomerMessageAt: number | null;
  /** Epoch ms: when a representative accepted it (handle time counts from here), or `null`. */
  readonly acceptedAt: number | null;
  /** Supervisors watching it now. */
  readonly monitoredBy: readonly string[];
  /** Supervisors who joined it as visible participants. */
  readonly joinedBy: readonly string[];
  readonly pendingTransfer: PendingTransfer | null;
  /**
   * Who last changed this conversation and how, when the backend says (optional: older backends and
   * fixtures omit it). Silent monitoring does not count as a change.
   */
  readonly lastChange?: LastChange | null;
}

/** Who did something: a supervisor, a representative, the customer or the system (routing). */
export interface ActorRef {
  readonly type: 'supervisor' | 'representative' | 'customer' | 'system';
  /** The supervisor's or representative's id; `null` for the customer and the system. */
  readonly id: string | null;
}

/**
 * What a change did. The supervisor commands by name, and what the centre does on its own; a backend
 * may send another word (it is shown as sent).
 */
export type ChangeAction =
  | 'assign'
  | 'transfer'
  | 'forceClose'
  | 'join'
  | 'leave'
  | 'route'
  | 'transfer-answer'
  | 'pause'
  | 'resume'
  | 'wrap-up'
  | 'close'
  | 'escalate'
  | 'message'
  | (string & Record<never, never>);

/** Who last changed a conversation, how and when. */
export interface LastChange {
  readonly by: ActorRef;
  readonly action: ChangeAction;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** The four admin switches (per supervisor): an action whose switch is off is not offered at all. */
export interface SupervisorSettings {
  /** "Supervisor Monitor": monitor and join. */
  readonly monitor: boolean;
  /** "Supervisor Assign". */
  readonly assign: boolean;
  /** "Supervisor Transfer". */
  readonly transfer: boolean;
  /** "Force Close". */
  readonly forceClose: boolean;
}

/**
 * A supervisor: the signed-in one, or another in the same centre (who-else-is-here). A supervisor can
 * also be a representative (same id space).
 */
export interface Supervisor {
  readonly id: string;
  readonly name: string;
}

/** The actions a supervisor can take on a conversation. */
export type SupervisorAction = 'monitor' | 'join' | 'leave' | 'assign' | 'transfer' | 'forceClose';

/** Who wrote a transcript message. `supervisor` messages appear once a supervisor joins. */
export type MessageAuthor = 'customer' | 'representative' | 'bot' | 'system' | 'supervisor';

/** One message of a conversation's transcript. */
export interface TranscriptMessage {
  readonly id: string;
  readonly conversationId: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly author: MessageAuthor;
  /** Display name of the author (customer, representative, bot or supervisor). */
  readonly authorName: string;
  readonly text: string;
  /** The customer's sentiment after this message (customer messages only). */
  readonly sentiment?: Sentiment;
  /**
   * Who can see it. `all` for ordinary messages; `representatives` for a private note the customer
   * never sees (e.g. a supervisor's whisper).
   */
  readonly visibility?: 'all' | 'representatives';
}
