import { createGunzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error';

/**
 * How the sidecar reads request bodies: JSON whatever the declared content type (EventBridge API
 * destinations, Firehose and the CCP relay each label it differently, some not at all), gzip
 * undone on the way in (Firehose may compress), and the size limit counted after decompression,
 * so neither a large body nor a gzip bomb gets past it.
 */
export function registerJsonBody(app: FastifyInstance, parse: (text: string) => unknown): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(new HttpError(400, 'the body is empty; send JSON'), undefined);
    try {
      done(null, parse(text));
    } catch (error) {
      const refusal =
        error instanceof HttpError
          ? error
          : new HttpError(400, `the body is not JSON: ${(error as Error).message}`);
      done(refusal, undefined);
    }
  });
  app.addHook('preParsing', async (request: FastifyRequest, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity') return payload;
    if (encoding !== 'gzip') throw new HttpError(400, `unsupported content-encoding ${encoding}`);
    const gunzip = createGunzip();
    let encoded = 0;
    payload.on('data', (chunk: Buffer) => {
      encoded += chunk.length;
      // Fastify checks the declared length against what it read: that is the encoded size.
      (gunzip as unknown as { receivedEncodedLength: number }).receivedEncodedLength = encoded;
    });
    payload.on('error', (error) => gunzip.destroy(error));
    gunzip.on('error', () => undefined);
    return payload.pipe(gunzip);
  });
}
