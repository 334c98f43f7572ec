import { z } from 'zod';

/**
 * What a domain event may hold: one definition of every bound, shared by the event schemas, the
 * store's input checks and the ingest edge, so an item the edge accepts is one the log accepts.
 */

/**
 * The last millisecond of year 9999. `Date` reaches 8.64e15 (year 275760), but a time that far out
 * no longer prints as a four-digit ISO year and leaves no room for the engine's arithmetic
 * (hold start + threshold, end + grace): past it, building a view throws.
 */
export const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Contact ids, event ids, agent and queue ARNs: Amazon Connect's ARNs stay well inside this. */
export const MAX_ID_LENGTH = 256;
/** `Configuration.FirstName` / `LastName` / `Username`. */
export const MAX_PERSON_NAME_LENGTH = 128;
/** Queue names and quick-connect names. */
export const MAX_LABEL_LENGTH = 256;
/** E.164 numbers, with room for SIP-style addresses. */
export const MAX_PHONE_LENGTH = 64;
/** Short codes such as `disconnectReason`, event types, channels and states. */
export const MAX_CODE_LENGTH = 64;
/** `agentInitiatedHoldDuration`: no voice contact is held for longer than a week. */
export const MAX_HOLD_DURATION_SEC = 7 * 86_400;
/** Contacts in one agent snapshot (Connect's own limit is far lower). */
export const MAX_AGENT_CONTACTS = 50;
/** Connections in one CCP snapshot: a six-party call with supervisors fits. */
export const MAX_CCP_CONNECTIONS = 16;

/**
 * L3: how deep a call's contact tree (R28) may be for its view to be built. No real call is
 * transferred a hundred times over; a deeper chain, from a feed gone wrong, would overflow the stack
 * of whatever walks the tree (JSON, the store, the browser's drawing).
 */
export const MAX_CONTACT_TREE_DEPTH = 100;

/** Epoch milliseconds that `Date` and the engine can both work with. */
export const EpochMsSchema = z.number().int().min(0).max(MAX_EPOCH_MS);
export const IdSchema = z.string().min(1).max(MAX_ID_LENGTH);
