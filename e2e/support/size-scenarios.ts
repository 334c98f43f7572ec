import { createCall, type CallScript } from './call-script';
import { newAgent } from './raw';

/**
 * Calls of every size from 2 to 6 parties, written to be hard to lay out: the longest names and
 * numbers a card meets (numbers both as E.164 digits and as already grouped), and every state a
 * node can show: on hold with its running time, muted, force-muted, dialing, and on the six-party
 * call a listening supervisor (not counted, R2) and both alerts at the cap (A1, A2).
 */
export function writeEverySize(): { calls: CallScript[]; six: CallScript } {
  const two = createCall({ queue: 'Customer Service Escalations', phone: '+4917197338912' });
  two.start(newAgent('Maximilian', 'Hoffmann-Rasmussen'), { ago: 8 * 60 });
  two.setHold(two.customerId, true, { ago: 75 });
  two.setMuted(two.customerId, true, { ago: 70 });

  const three = createCall({ queue: 'Claims', phone: '+44 20 7946 0321' });
  three.start(newAgent('Aleksandra', 'Wiśniewska-Kowalczyk'), { ago: 6 * 60 });
  three.addAgent(newAgent('Bartholomew', 'Featherstonehaugh'), { ago: 3, answer: false });

  const four = createCall({ queue: 'Mortgages', phone: '+49 30 2291 4410', lens: true });
  four.start(newAgent('Lena', 'Hoffmann'), { ago: 10 * 60 });
  const marco = four.addAgent(newAgent('Marco', 'Bianchi'), { ago: 8 * 60 });
  const notary = four.addExternal('+4930885312009', { ago: 6 * 60 });
  four.setMuted(notary, true, { ago: 5 * 60 });
  four.setMuted(marco, true, { ago: 4 * 60, forced: true, reporter: marco });

  const five = createCall({ queue: 'Interpreting and Relay Services', phone: '+12125550199' });
  five.start(newAgent('Jean-Baptiste', 'Montgomery-Whitfield'), { ago: 12 * 60 });
  const interpreter = five.addExternal('+380441234567', { ago: 10 * 60 });
  five.addAgent(newAgent('Priya', 'Venkataraghavan'), { ago: 9 * 60 });
  five.addExternal('+4915123456789', { ago: 4, answer: false });
  five.setHold(interpreter, true, { ago: 95 });

  const six = createCall({ queue: 'Mortgage Closings', phone: '+4917197338913', lens: true });
  six.start(newAgent('Konstantinos', 'Papadopoulos-Lindqvist'), { ago: 15 * 60 });
  const underwriter = six.addAgent(newAgent('Aleksandra', 'Wiśniewska-Kowalczyk'), { ago: 12 * 60 });
  const broker = six.addExternal('+4930885312001', { ago: 10 * 60 });
  six.addSupervisor(newAgent('Sofia', 'Lindqvist-Johansson'), { ago: 9 * 60 });
  const coBorrower = six.addExternal('+380441234568', { ago: 8 * 60 });
  six.addAgent(newAgent('Bartholomew', 'Featherstonehaugh'), {
    ago: 5,
    answer: false,
    invitedBy: underwriter,
  });
  six.setMuted(broker, true, { ago: 6 * 60 });
  six.setMuted(underwriter, true, { ago: 5 * 60, forced: true, reporter: underwriter });
  six.setHold(six.customerId, true, { ago: 130 });
  six.setMuted(six.customerId, true, { ago: 120 });
  six.setHold(coBorrower, true, { ago: 40 });

  return { calls: [two, three, four, five, six], six };
}

/**
 * `count` calls of three or four parties, as a busy morning has them (some with a held customer,
 * a muted party or Contact Lens left on), for what fits on one screen.
 */
export function writeManySmallCalls(count: number): CallScript[] {
  const queues = ['Claims', 'Support', 'Billing', 'Sales', 'Retention', 'Mortgages'];
  const first = ['Anna', 'Ben', 'Carla', 'Dario', 'Elif', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas'];
  const last = ['Keller', 'Ortiz', 'Rossi', 'Weber', 'Kaya', 'Braun', 'Vogel', 'Lang', 'Moser', 'Roth'];
  return Array.from({ length: count }, (_, i) => {
    const call = createCall({
      queue: queues[i % queues.length]!,
      phone: `+4930${String(5550100 + i * 37).padStart(8, '0')}`,
      lens: i % 5 === 0,
    });
    call.start(newAgent(first[i % 10]!, last[(i * 3) % 10]!), { ago: 60 + i * 45 });
    const second = call.addAgent(newAgent(first[(i + 4) % 10]!, last[(i + 7) % 10]!), { ago: 40 + i * 30 });
    if (i % 2 === 0) call.addExternal(`+4940${String(7770000 + i * 11).padStart(8, '0')}`, { ago: 30 });
    if (i % 3 === 0) call.setHold(call.customerId, true, { ago: 20 });
    if (i % 4 === 1) call.setMuted(second, true, { ago: 10 });
    return call;
  });
}
