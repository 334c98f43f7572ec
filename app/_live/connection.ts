import { useSyncExternalStore } from 'react';
import { getSocket } from './socket';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export type Connection = {
  status: ConnectionStatus;
  /** This client's clock when the socket last dropped (null while connected or never connected). */
  downSince: number | null;
};

/** How long a lost connection counts as "reconnecting" before the page says it is offline. */
const OFFLINE_AFTER_MS = 15_000;

let current: Connection = { status: 'reconnecting', downSince: null };
const listeners = new Set<() => void>();
let started = false;
let offlineTimer: ReturnType<typeof setTimeout> | undefined;

function set(next: Connection): void {
  if (next.status === current.status && next.downSince === current.downSince) return;
  current = next;
  for (const l of listeners) l();
}

function start(): void {
  if (started) return;
  started = true;
  const s = getSocket();
  const lost = () => {
    const downSince = current.downSince ?? Date.now();
    set({ status: navigator.onLine ? 'reconnecting' : 'offline', downSince });
    clearTimeout(offlineTimer);
    offlineTimer = setTimeout(() => {
      if (!s.connected) set({ status: 'offline', downSince });
    }, OFFLINE_AFTER_MS);
  };
  s.on('connect', () => {
    clearTimeout(offlineTimer);
    set({ status: 'connected', downSince: null });
  });
  s.on('disconnect', lost);
  s.io.on('reconnect_attempt', () => {
    if (current.status === 'connected') lost();
  });
  window.addEventListener('offline', () => {
    if (!s.connected) set({ ...current, status: 'offline' });
  });
  if (s.connected) set({ status: 'connected', downSince: null });
  else lost();
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const SERVER: Connection = { status: 'reconnecting', downSince: null };

/** The socket's state, for the always-visible connection badge. */
export function useConnection(): Connection {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => SERVER,
  );
}
