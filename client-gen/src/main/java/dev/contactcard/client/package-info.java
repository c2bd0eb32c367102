/**
 * The Contact Card client: {@link dev.contactcard.client.ContactCardClient} and its exceptions.
 *
 * <p>This package and {@code dev.contactcard.client.model} (the request and response models,
 * generated from the OpenAPI spec) are the public API. {@code dev.contactcard.client.internal.*}
 * is generated plumbing and may change in any release.
 *
 * <h2>How an error travels</h2>
 *
 * <pre>
 *  HTTP answer / I/O failure
 *        │
 *        ├─ 2xx ──────────► ContactCardDecoder ── not the documented model ─► ContactCardInvalidDataException
 *        │
 *        ├─ 4xx / 5xx ────► ContactCardErrorDecoder: reads the envelope, picks the subclass of
 *        │                  ContactCardServiceException for the status (the one place for that)
 *        │                     ├─ 408, 429, 5xx: wrapped in Feign's RetryableException
 *        │                     └─ any other status: thrown as is, never retried
 *        │
 *        └─ I/O failure ──► Feign's RetryableException (refused, reset, timeout)
 *                                │
 *                                ▼
 *                 ContactCardRetryer: waits (backoff, jitter, Retry-After) and lets Feign try
 *                 again up to maxRetries times; then throws the failure, translated by
 *                 TransportFailures into ContactCardConnectionException / ContactCardTimeoutException
 *                                │
 *                                ▼
 *                 ContactCardClient.call(...): unwraps Feign's wrappers (ExceptionPropagationPolicy
 *                 UNWRAP, DecodeException), reports an unencodable request as ContactCardException
 *                                │
 *                                ▼
 *                 the caller sees one unchecked ContactCardException subclass
 * </pre>
 */
package dev.contactcard.client;
