const prefixes = new Map<number, string>();

/** "YYYY-MM-DDTHH:MM:SS" for the second `ms` falls in, memoised: formatting dates is the simulator's hottest path. */
function secondPrefix(ms: number): string {
  const second = Math.floor(ms / 1000);
  let prefix = prefixes.get(second);
  if (prefix === undefined) {
    if (prefixes.size >= 50_000) prefixes.clear();
    prefix = new Date(second * 1000).toISOString().slice(0, 19);
    prefixes.set(second, prefix);
  }
  return prefix;
}

/** ISO-8601 with milliseconds and `Z`, as the detail timestamps, agent events and CCP use. */
export function toIso(ms: number): string {
  const whole = Math.floor(ms);
  const millis = whole - Math.floor(whole / 1000) * 1000;
  return `${secondPrefix(whole)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** ISO-8601 to the second, as the EventBridge envelope's `time`. */
export function toIsoSeconds(ms: number): string {
  return `${secondPrefix(ms)}Z`;
}
