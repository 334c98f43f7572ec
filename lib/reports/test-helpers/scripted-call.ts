import type { ConferenceView, DomainEvent } from '@/lib/conference';
import { ccp, connection, contact, leg, sec } from '@/lib/conference/test-helpers/builders';
import { run, viewOf } from '@/lib/conference/test-helpers/run';

/**
 * A six-party conference scripted as raw domain events: the caller is held while a colleague is
 * dialled (a consult), Contact Lens is on the root leg, two external parties and a third agent
 * bring it to the cap, then everyone leaves. The figures its facts must give are in the test.
 */
export function sixPartyScript(): DomainEvent[] {
  return [
    contact('INITIATED', sec(0), { contactLens: true, phoneNumber: '+4930111222' }),
    contact('QUEUED', sec(10), { queue: 'support' }),
    contact('CONNECTED_TO_AGENT', sec(20), { agent: 'alice', queue: 'support' }),
    ccp('alice', sec(60), [connection('customer', 'hold', { connectionId: 'k-cust' })]),
    contact('INITIATED', sec(65), leg('t1')),
    contact('CONNECTED_TO_AGENT', sec(75), { ...leg('t1'), agent: 'bob' }),
    ccp('alice', sec(105), [connection('customer', 'connected', { connectionId: 'k-cust' })]),
    contact('INITIATED', sec(120), { ...leg('x1', 'EXTERNAL_OUTBOUND', 't1'), phoneNumber: '+4930999001' }),
    contact('CONNECTED_TO_SYSTEM', sec(125), leg('x1', 'EXTERNAL_OUTBOUND', 't1')),
    contact('INITIATED', sec(130), leg('t2')),
    contact('CONNECTED_TO_AGENT', sec(135), { ...leg('t2'), agent: 'carol' }),
    contact('INITIATED', sec(140), { ...leg('x2', 'EXTERNAL_OUTBOUND'), phoneNumber: '+4930999002' }),
    contact('CONNECTED_TO_SYSTEM', sec(150), leg('x2', 'EXTERNAL_OUTBOUND')),
    contact('DISCONNECTED', sec(200), leg('x2', 'EXTERNAL_OUTBOUND')),
    ccp('alice', sec(210), [connection('customer', 'connected', { connectionId: 'k-cust', muted: true })]),
    ccp('alice', sec(230), [connection('customer', 'connected', { connectionId: 'k-cust', muted: false })]),
    contact('DISCONNECTED', sec(240), leg('x1', 'EXTERNAL_OUTBOUND', 't1')),
    contact('DISCONNECTED', sec(250), leg('t2')),
    contact('DISCONNECTED', sec(260), leg('t1')),
    contact('DISCONNECTED', sec(300)),
    // Reported when it happens: a COMPLETED that arrives later, naming an earlier ACW start, would
    // make the record more exact than the live view was at the moment (the picture shows the former).
    contact('COMPLETED', sec(300), { acwAt: sec(300) }),
  ];
}

/** The engine's view of the call once it has seen the facts up to and including moment `t`. */
export function liveViewAt(events: readonly DomainEvent[], t: number): ConferenceView {
  return viewOf(run(events.filter((e) => e.at <= t)), t);
}

/** The call's history record: every fact folded, read after it ended. */
export function finalView(events: readonly DomainEvent[]): ConferenceView {
  return viewOf(run(events), sec(400));
}
