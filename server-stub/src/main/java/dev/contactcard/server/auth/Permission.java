package dev.contactcard.server.auth;

import java.util.Locale;

/** What an API key may do: read-only keys may only get; read-write keys may also create and update. */
public enum Permission {
    READ_ONLY,
    READ_WRITE;

    /** Parses {@code read-only} / {@code read-write} (case-insensitive, {@code _} or {@code -}). */
    public static Permission parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normalized) {
            case "READ_ONLY" -> READ_ONLY;
            case "READ_WRITE" -> READ_WRITE;
            default ->
                throw new IllegalArgumentException(
                        "Unknown permission '" + text.trim() + "': use read-only or read-write");
        };
    }
}
