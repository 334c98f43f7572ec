import type { ServerResponse } from 'node:http';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A plain page the web process answers itself (the sidecar is unreachable, or the sign-in may not
 * see a page): no script, readable in both themes, with a way to sign in as someone else.
 */
export function sendPageNotice(
  res: ServerResponse,
  status: number,
  title: string,
  text: string,
  refreshSeconds?: number,
): void {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<title>${escape(title)} · confwatch</title>${refresh}
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:15vh auto;padding:0 1rem}</style></head>
<body><h1>${escape(title)}</h1><p>${escape(text)}</p><p><a href="/login">Sign in as someone else</a></p></body></html>`);
}
