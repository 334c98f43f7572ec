import { useSyncExternalStore } from 'react';

export type NotificationState = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();

const current = (): NotificationState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The user may change it in the browser's site settings too.
  let status: PermissionStatus | undefined;
  void navigator.permissions
    ?.query({ name: 'notifications' })
    .then((s) => {
      status = s;
      s.addEventListener('change', listener);
    })
    .catch(() => {});
  return () => {
    listeners.delete(listener);
    status?.removeEventListener('change', listener);
  };
}

/** Asks the browser for permission to notify: call it only from a click. */
export async function requestNotifications(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  await Notification.requestPermission();
  for (const l of listeners) l();
}

/** Whether this page may show browser notifications. */
export function useNotificationPermission(): NotificationState {
  return useSyncExternalStore(subscribe, current, () => 'default');
}
