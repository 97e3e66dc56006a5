/**
 * The simulated centre's vocabulary: names, subjects and message lines. Kept compact (words in one
 * string, split once); combinations such as first × last name give variety for thousands of rows.
 */
import type { Channel, Sentiment } from '../../domain/index.js';

/** Splits a compact list: `|` separates entries (so entries may contain spaces). */
function list(text: string): readonly string[] {
  return text.split('|').map((s) => s.trim());
}

const FIRST_NAMES = list(
  'Ada|Ben|Chloé|Dev|Elena|Farid|Grace|Hiro|Ines|Jonas|Kemi|Liam|Maya|Nikolai|Olga|Pedro|Qing|Rosa|' +
    'Sami|Tess|Uma|Viktor|Wen|Xavier|Yara|Zoe|Amara|Bruno|Carmen|Dmitri|Esther|Finn|Gita|Hugo|Ivy',
);
const LAST_NAMES = list(
  'Adeyemi|Berg|Castillo|Dubois|Eriksen|Fischer|García|Haddad|Ito|Jansen|Kowalski|Lindqvist|' +
    'Moreau|Nakamura|Okafor|Patel|Quinn|Rossi|Schmidt|Tanaka|Ueda|Varga|Williams|Xu|Yilmaz|Novak',
);
const REP_FIRST_NAMES = list(
  'Alex|Brooke|Casey|Dana|Eli|Frankie|Gabi|Harper|Isa|Jordan|Kai|Lou|Morgan|Noor|Oakley|Parker|' +
    'Riley|Sasha|Taylor|Val|Wren|Yuki|Zion',
);
const REP_LAST_NAMES = list(
  'Abbott|Baker|Chen|Diaz|Evans|Flores|Gupta|Hughes|Ibrahim|Jones|Khan|Lopez|Mensah|Nguyen|Olsen|' +
    'Price|Reyes|Singh|Torres|Usman|Vogel|Walsh',
);
const AI_AGENT_NAMES = list('Aria|Nova|Echo|Atlas|Iris|Orion|Sage|Juno');
const QUEUE_NAMES = list(
  'General support|Billing|Technical support|Sales|Returns|Premium customers|Claims|Onboarding|' +
    'Deliveries|Accounts',
);

const SUBJECTS: Record<Channel, readonly string[]> = {
  'live-chat': list(
    'Order not arrived|Discount code rejected|Change delivery address|Size exchange|Checkout error',
  ),
  sms: list('Delivery slot|Appointment reminder reply|Verification code|Payment confirmation'),
  whatsapp: list('Damaged parcel photo|Refund status|Warranty question|Store opening hours'),
  facebook: list('Complaint about service|Product availability|Promotion question'),
  teams: list('Partner account access|Invoice discrepancy|Integration outage'),
  voice: list('Card blocked|Cancel subscription|Billing dispute|Password reset|Upgrade plan'),
  record: list(
    'Case: faulty device|Email: contract renewal|Case: missing refund|Email: data request',
  ),
};

/** Customer lines by mood: a message's wording matches the sentiment it moves the conversation to. */
const CUSTOMER_LINES = {
  negative: list(
    'This is the third time I am asking.|Honestly, this is really frustrating.|' +
      'Nobody has answered my question yet.|I want to cancel if this is not fixed today.|' +
      'That does not help at all.',
  ),
  neutral: list(
    'Can you check the status for me?|My reference number is in my first message.|' +
      'OK, what do you need from me?|I will wait, thanks.|Is there anything else I should do?',
  ),
  positive: list(
    'Thanks, that helps a lot!|Great, that worked.|Perfect, thank you for the quick answer.|' +
      'You have been very helpful.|Brilliant, problem solved.',
  ),
};

/** What representatives say. */
export const REPRESENTATIVE_LINES = list(
  'Thanks for waiting, I am looking into it now.|I understand, let me check your account.|' +
    'I have found your order; one moment please.|Could you confirm the email on the account?|' +
    'I have applied the change; a confirmation is on its way.|Sorry for the trouble, I will fix it.|' +
    'Is there anything else I can help you with today?',
);

/** What the virtual assistant (a bot or an AI agent) says. */
export const BOT_LINES = list(
  'Hi! I am the virtual assistant. How can I help?|' +
    'I can help with orders, billing and returns. What is it about?|' +
    'Let me find the right person for you.|Could you share your order number?|' +
    'Thanks! Someone from our team will be with you shortly.',
);

/** Custom presence labels a backend may send besides the standard five. */
export const CUSTOM_PRESENCES = list('In a meeting|Training');

/** The n-th customer name (first × last, stepped so neighbours differ in both). */
export function customerName(n: number): string {
  const first = FIRST_NAMES[n % FIRST_NAMES.length];
  const last = LAST_NAMES[(n * 7 + Math.floor(n / FIRST_NAMES.length)) % LAST_NAMES.length];
  return `${first} ${last}`;
}

/** The n-th human representative's name. */
export function representativeName(n: number): string {
  const first = REP_FIRST_NAMES[n % REP_FIRST_NAMES.length];
  const last =
    REP_LAST_NAMES[(n * 5 + Math.floor(n / REP_FIRST_NAMES.length)) % REP_LAST_NAMES.length];
  return `${first} ${last}`;
}

/** The n-th AI agent's name ("Aria (virtual agent)"; "Aria 2 (virtual agent)" once names run out). */
export function aiAgentName(n: number): string {
  const round = Math.floor(n / AI_AGENT_NAMES.length);
  return `${AI_AGENT_NAMES[n % AI_AGENT_NAMES.length]}${round > 0 ? ` ${round + 1}` : ''} (virtual agent)`;
}

/** The n-th queue's name ("Billing"; "Billing 2" once names run out). */
export function queueName(n: number): string {
  const round = Math.floor(n / QUEUE_NAMES.length);
  return `${QUEUE_NAMES[n % QUEUE_NAMES.length]}${round > 0 ? ` ${round + 1}` : ''}`;
}

/** The subjects a conversation on this channel may have. */
export function subjectsFor(channel: Channel): readonly string[] {
  return SUBJECTS[channel];
}

/** Customer lines whose wording fits a sentiment (negative, neutral or positive). */
export function customerLines(sentiment: Sentiment): readonly string[] {
  if (sentiment.endsWith('negative')) return CUSTOMER_LINES.negative;
  if (sentiment.endsWith('positive')) return CUSTOMER_LINES.positive;
  return CUSTOMER_LINES.neutral;
}

/** The other simulated supervisors' names (who-else-is-here). */
const SUPERVISOR_NAMES = [
  'Priya Lead',
  'Marcus Floor',
  'Ines Quality',
  'Tomás Shift',
  'Yuki Coach',
] as const;

/** The n-th other supervisor's name (0-based; numbered beyond the list). */
export function otherSupervisorName(n: number): string {
  const base = SUPERVISOR_NAMES[n % SUPERVISOR_NAMES.length] ?? 'Supervisor';
  const round = Math.floor(n / SUPERVISOR_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
