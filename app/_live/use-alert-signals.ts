import { useCallback, useEffect, useRef } from 'react';
import { newlyRaisedCritical, type AlertRow } from '@/lib/board/alert-rows';
import { useLocalSetting } from './local-setting';
import { playAlertTone } from './alert-sound';
import {
  requestNotifications,
  useNotificationPermission,
  type NotificationState,
} from './notification-permission';

export type AlertSignals = {
  sound: boolean;
  toggleSound: () => void;
  notifications: NotificationState;
  /** Asks the browser for permission: only ever from a click. */
  enableNotifications: () => void;
};

const SOUND_KEY = 'confwatch.sound';

/**
 * Sound (off by default) and browser notifications for critical alerts raised while the page is
 * open. Alerts already standing when the board first loads are not announced.
 */
export function useAlertSignals(rows: readonly AlertRow[] | undefined): AlertSignals {
  const [soundSetting, setSound] = useLocalSetting(SOUND_KEY);
  const sound = soundSetting === 'on';
  const notifications = useNotificationPermission();
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!rows) return;
    const fresh = seen.current ? newlyRaisedCritical(rows, seen.current) : [];
    seen.current = new Set(rows.map((r) => r.key));
    if (fresh.length === 0) return;
    if (sound) playAlertTone();
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      for (const row of fresh)
        new Notification(`Critical: ${row.label}`, { body: row.conferenceLabel, tag: row.key });
    }
  }, [rows, sound]);

  const toggleSound = useCallback(() => {
    const next = !sound;
    setSound(next ? 'on' : null);
    if (next) playAlertTone();
  }, [sound, setSound]);

  const enableNotifications = useCallback(() => void requestNotifications(), []);

  return { sound, toggleSound, notifications, enableNotifications };
}
