/**
 * Internal: helpers generated with the Feign interface. Not part of the public API and may change
 * in any release; use {@code dev.contactcard.client.ContactCardClient}.
 */
package dev.contactcard.client.internal.invoker;
