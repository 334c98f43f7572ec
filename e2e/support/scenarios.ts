import { createCall, type CallScript } from './call-script';
import { postBatch } from './ingest';
import { newAgent } from './raw';

/**
 * The centrepiece of the docs: a mortgage closing with six counted parties (at the cap of R1),
 * Contact Lens left on from the IVR (the A2 conflict of R26), a held co-borrower, a muted notary, a
 * self-muted underwriter and a supervisor listening in (not counted, R2).
 */
export function writeMortgageClosing(): CallScript {
  const call = createCall({ queue: 'Mortgages', phone: '+49 30 2291 4410', lens: true });
  call.start(newAgent('Lena', 'Hoffmann'), { ago: 14 * 60 });
  const underwriter = call.addAgent(newAgent('Marco', 'Bianchi'), { ago: 11 * 60 });
  const notary = call.addExternal('+49 30 8853 1200', { ago: 9 * 60 });
  const coBorrower = call.addExternal('+49 151 2345 6789', { ago: 7 * 60 + 30 });
  call.addSupervisor(newAgent('Sofia', 'Lindqvist'), { ago: 6 * 60 });
  call.addAgent(newAgent('Priya', 'Nair'), { ago: 5 * 60, invitedBy: underwriter });
  call.setMuted(notary, true, { ago: 4 * 60 });
  call.setMuted(underwriter, true, { ago: 3 * 60 });
  call.setHold(coBorrower, true, { ago: 45 });
  return call;
}

/** A busy morning around it: calls of every size and most alert kinds. */
export function writeBusyBoard(): CallScript[] {
  const claims = createCall({ queue: 'Claims', phone: '+49 40 3001 7788' });
  claims.start(newAgent('Tom', 'Becker'), { ago: 9 * 60 });
  claims.addAgent(newAgent('Aylin', 'Demir'), { ago: 6 * 60 });
  claims.addExternal('+49 40 555 0199', { ago: 4 * 60 });
  claims.setHold(claims.customerId, true, { ago: 150 });

  const support = createCall({ queue: 'Support', phone: '+44 20 7946 0321' });
  support.start(newAgent('Noah', 'Schmidt'), { ago: 3 * 60 });
  support.addAgent(newAgent('Mia', 'Wagner'), { ago: 5, answer: false });

  const sales = createCall({ queue: 'Sales', phone: '+49 89 4411 2200' });
  sales.start(newAgent('Jonas', 'Weber'), { ago: 70 });

  const billing = createCall({ queue: 'Billing', phone: '+43 1 9050 1234' });
  billing.start(newAgent('Elif', 'Kaya'), { ago: 12 * 60 });
  const felix = billing.addAgent(newAgent('Felix', 'Braun'), { ago: 10 * 60 });
  billing.addAgent(newAgent('Hanna', 'Vogel'), { ago: 8 * 60 });
  billing.setHold(felix, true, { ago: 30 });
  billing.setMuted(billing.customerId, true, { ago: 20 });
  billing.addExternal('+43 664 123 4567', { ago: 4, answer: false });

  const retention = createCall({ queue: 'Retention', phone: '+49 221 998 7766' });
  retention.start(newAgent('Lukas', 'Fischer'), { ago: 16 * 60 });
  retention.addAgent(newAgent('Sara', 'Klein'), { ago: 13 * 60 });
  retention.addExternal('+49 221 123 0000', { ago: 11 * 60 });
  retention.leave(retention.primaryId, { ago: 8 * 60 });

  return [writeMortgageClosing(), claims, support, sales, billing, retention];
}

/** Posts every call's raw traffic, one call after another. */
export async function postCalls(calls: CallScript[]): Promise<void> {
  for (const call of calls) await postBatch(call.flush());
}
