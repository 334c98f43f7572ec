import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteContext = { req: IncomingMessage; res: ServerResponse; params: string[]; url: URL };
export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;
export type Route = { method: string; pattern: RegExp; handler: RouteHandler };

/** A route table: the first route whose method and path pattern match handles the request. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: string[] } | 'wrong-method' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return pathMatched ? 'wrong-method' : undefined;
}
