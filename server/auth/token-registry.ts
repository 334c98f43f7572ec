import type { Store, TokenRecord } from '@/server/store';
import { digest, parseToken, sameSecret } from './secrets';

/**
 * The API tokens, cached in memory and read again from the store every few seconds, so tokens
 * made or revoked by the CLI in another process take effect here: a new one at once (an unknown
 * id is looked up in the store), a revoked one within the refresh interval.
 */
export function createTokenRegistry(store: Pick<Store, 'getToken' | 'listTokens'>) {
  const cache = new Map<string, TokenRecord>();
  const revokedListeners = new Set<(tokenId: string) => void>();

  async function refresh(): Promise<void> {
    const tokens = await store.listTokens();
    for (const token of tokens) {
      const before = cache.get(token.id);
      cache.set(token.id, token);
      if (token.revokedAt !== null && before && before.revokedAt === null)
        for (const listener of revokedListeners) listener(token.id);
    }
    const ids = new Set(tokens.map((t) => t.id));
    for (const id of cache.keys()) {
      if (ids.has(id)) continue;
      cache.delete(id);
      for (const listener of revokedListeners) listener(id);
    }
  }

  return {
    refresh,
    /** The live token this secret belongs to, or undefined. */
    async verify(offered: string): Promise<TokenRecord | undefined> {
      const parsed = parseToken(offered);
      if (!parsed) return undefined;
      let token = cache.get(parsed.id);
      if (!token) {
        token = (await store.getToken(parsed.id)) ?? undefined;
        if (token) cache.set(token.id, token);
      }
      if (!token || token.revokedAt !== null) return undefined;
      return sameSecret(digest(parsed.secret), token.secretHash) ? token : undefined;
    },
    /** Whether a token is (still) live, as of the last refresh. */
    isLive: (tokenId: string) => cache.get(tokenId)?.revokedAt === null,
    onRevoked(listener: (tokenId: string) => void): () => void {
      revokedListeners.add(listener);
      return () => revokedListeners.delete(listener);
    },
  };
}

export type TokenRegistry = ReturnType<typeof createTokenRegistry>;
