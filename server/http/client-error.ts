import type { Socket } from 'node:net';

/** What Node's HTTP parser reports about a request it could not read. */
type ClientError = Error & { code?: string; reason?: string };

const ANSWERS: Record<string, { status: number; text: string; reason: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: 'Request Header Fields Too Large',
    reason: 'the request headers are larger than this server reads (16 KB)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    text: 'Request Timeout',
    reason: 'the request did not arrive within REQUEST_TIMEOUT_SECONDS',
  },
};

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refuses before any route sees it (a
 * content-length that is not a number or is given twice, a control character in a header, both
 * content-length and chunked, a bad chunk size) gets a 400 saying what was wrong, as every other
 * refusal does, and the connection is closed. The reason is the parser's own fixed phrase, never
 * the request's bytes.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? {
    status: 400,
    text: 'Bad Request',
    reason: `the request is malformed: ${error.reason ?? 'it is not HTTP/1.1 this server can read'}`,
  };
  const body = JSON.stringify({ error: answer.reason });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.text}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
