import type { DeliveryError } from '../../shared/publish/outboxSchema';

/**
 * Why a delivery did not go through, sorted by what the outbox should do about it: a dropped connection, a
 * timeout or a server in trouble will likely mend by themselves and are tried again with backoff; a refused
 * password or a rejected post will not, and wait for the reporter.
 */
export class DeliveryFailure extends Error {
  constructor(
    readonly code: 'offline' | 'timeout' | 'server' | 'auth' | 'rejected' | 'storage' | 'missing_media' | 'not_configured',
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }

  get willRetry(): boolean {
    return this.code === 'offline' || this.code === 'timeout' || this.code === 'server' || this.code === 'storage';
  }

  toJSON(): DeliveryError {
    return { code: this.code, message: this.message, willRetry: this.willRetry };
  }

  /** Any error as a DeliveryFailure: network errors by their system code, file errors as storage. */
  static from(error: unknown): DeliveryFailure {
    if (error instanceof DeliveryFailure) return error;
    const err = error as Error & { code?: string; cause?: { code?: string; message?: string } };
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return new DeliveryFailure('timeout', 'the server did not answer in time');
    const code = err?.cause?.code ?? err?.code;
    if (code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/.test(code)) {
      return new DeliveryFailure('offline', `no connection to the server (${code})`);
    }
    if (err instanceof TypeError && err.message === 'fetch failed') return new DeliveryFailure('offline', `no connection to the server (${err.cause?.message ?? 'fetch failed'})`);
    if (code && /^(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EIO)$/.test(code)) return new DeliveryFailure('storage', `the folder could not be written (${code})`);
    return new DeliveryFailure('rejected', err?.message ?? String(error));
  }
}
