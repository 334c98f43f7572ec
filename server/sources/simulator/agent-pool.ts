import type { Person } from './model';
import type { Rng } from './random';

type Request = { assign: (person: Person) => void; cancelled: boolean };

/** Who is free to take a contact, and which queued calls wait for someone to be. */
export type AgentPool = {
  /** Reserves a free person picked at random; undefined when nobody is free. */
  take(): Person | undefined;
  /** Hands a person back: to the longest-waiting request (urgent ones first), else to the free set. */
  release(person: Person): void;
  /** Waits for a free person; returns a function that withdraws the request. */
  request(assign: (person: Person) => void, urgent: boolean): () => void;
};

export function createAgentPool(people: readonly Person[], rng: Rng): AgentPool {
  const free: Person[] = [...people];
  const waiting: { urgent: Request[]; normal: Request[] } = { urgent: [], normal: [] };
  const nextRequest = (): Request | undefined => {
    for (const line of [waiting.urgent, waiting.normal]) {
      while (line.length > 0) {
        const request = line.shift()!;
        if (!request.cancelled) return request;
      }
    }
    return undefined;
  };
  const take = (): Person | undefined => {
    if (free.length === 0) return undefined;
    const i = Math.floor(rng.next() * free.length);
    const person = free[i]!;
    free[i] = free[free.length - 1]!;
    free.pop();
    return person;
  };
  return {
    take,
    release(person) {
      const request = nextRequest();
      if (request) request.assign(person);
      else free.push(person);
    },
    request(assign, urgent) {
      const person = take();
      if (person) {
        assign(person);
        return () => undefined;
      }
      const request: Request = { assign, cancelled: false };
      (urgent ? waiting.urgent : waiting.normal).push(request);
      return () => {
        request.cancelled = true;
      };
    },
  };
}
