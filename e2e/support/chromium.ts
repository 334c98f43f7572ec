/**
 * How the tests and the browser benchmark launch Debian's Chromium (Playwright cannot download its
 * own browser here). Without the background-networking flags Chromium keeps reaching for Google's
 * hosts, which this machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
