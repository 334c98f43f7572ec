import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; reason: string };

/**
 * Reads a JSON body of at most `maxBytes` (after gzip decoding, when the sender compressed it). An
 * oversized body is refused as soon as it passes the limit (413), a body that is not JSON gets 400
 * with the parser's reason.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({
        ok: false,
        status: 413,
        reason: `body of ${declared} bytes exceeds the limit of ${maxBytes}`,
      });
      return;
    }
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      req.resume();
      resolve({ ok: false, status: 400, reason: `unsupported content-encoding ${encoding}` });
      return;
    }
    const body: Readable = encoding === 'gzip' ? req.pipe(createGunzip()) : req;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    body.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        resolve({ ok: false, status: 413, reason: `body exceeds the limit of ${maxBytes} bytes` });
        body.destroy();
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    body.on('error', () => {
      if (!done)
        resolve({ ok: false, status: 400, reason: 'the request body could not be read (or un-gzipped)' });
      done = true;
    });
    body.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '')
        return resolve({ ok: false, status: 400, reason: 'the body is empty; send JSON' });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch (error) {
        resolve({ ok: false, status: 400, reason: `the body is not JSON: ${(error as Error).message}` });
      }
    });
  });
}
