/**
 * Creates that carry an {@code Idempotency-Key} run once: {@code JdbcIdempotentCreates}, the
 * {@code card.IdempotentCreates} the card service calls, on a table of its own
 * ({@code idempotency_key}). How it decides between concurrent creates, and why a waiting retry
 * looks again instead of waiting on a database lock, is in its Javadoc.
 */
package dev.contactcard.server.idempotency;
