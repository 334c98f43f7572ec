import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** Query parameters that may carry a secret (a wallboard's `?token=…`, an OIDC `code`). */
const SECRET_PARAMS = /([?&](?:token|code|state|access_token|id_token|password)=)[^&#]*/gi;
/** Anything that looks like a phone number: a leading + or a run of 7+ digits with separators. */
const PHONE = /\+\d[\d\s().-]{5,}\d|\b\d(?:[\s().-]?\d){8,}\b/g;

/** A URL as it may be logged: secret query values replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Free text as it may be logged: phone numbers masked. */
export function scrubText(text: string): string {
  return text.replace(PHONE, '[phone]');
}

/**
 * JSON lines with levels (`LOG_LEVEL`). Credentials never reach a line: authorization, cookie and
 * API-key headers are not serialized at all, secret query values are redacted, and anything shaped
 * like a phone number in a message or an error is masked.
 */
export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: DestinationStream,
): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { name: options.name ?? 'confwatch' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['token', 'password', '*.token', '*.password', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        ip: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (error: unknown) => {
        const base = pino.stdSerializers.err(error as Error);
        return { ...base, message: scrubText(base.message), stack: scrubText(base.stack ?? '') };
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? scrubText(redactUrl(a)) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
  return destination ? pino(config, destination) : pino(config);
}

/** A logger that writes nothing (tests, benchmarks). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
