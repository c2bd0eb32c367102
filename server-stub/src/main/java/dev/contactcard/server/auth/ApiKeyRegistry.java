package dev.contactcard.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys. Parsed from the {@code CONTACT_CARD_API_KEYS} format:
 * comma-separated entries {@code <key>:<partner>:<read-only|read-write>}, for example
 * {@code sandbox-rw-key:sandbox:read-write,sandbox-ro-key:sandbox:read-only}.
 *
 * <p>Only SHA-256 hashes of the keys are kept. A presented key is hashed and compared with every
 * configured hash with {@link MessageDigest#isEqual} (constant time), without stopping at the
 * first match, so the time taken tells nothing about the keys. Keys are never logged and never
 * appear in {@link #toString()} or in error messages.
 */
public final class ApiKeyRegistry {

    private final List<Entry> entries;

    private ApiKeyRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the configuration. A malformed entry fails with a message naming its position, never
     * its key.
     */
    public static ApiKeyRegistry parse(String configuration) {
        if (configuration == null || configuration.isBlank()) {
            throw new IllegalArgumentException("No API keys configured: set CONTACT_CARD_API_KEYS "
                    + "(format <key>:<partner>:<read-only|read-write>, comma-separated)");
        }
        List<Entry> entries = new ArrayList<>();
        String[] items = configuration.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split(":", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "API key entry #" + (i + 1) + " is malformed: expected <key>:<partner>:<read-only|read-write>");
            }
            Permission permission;
            try {
                permission = Permission.parse(parts[2]);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("API key entry #" + (i + 1) + ": " + ex.getMessage(), ex);
            }
            entries.add(new Entry(sha256(parts[0].trim()), new Caller(parts[1].trim(), permission)));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("No API keys configured in CONTACT_CARD_API_KEYS");
        }
        return new ApiKeyRegistry(entries);
    }

    /** The caller a presented key belongs to, or empty for an unknown key. */
    public Optional<Caller> authenticate(String presentedKey) {
        int index = indexOf(presentedKey);
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index).caller());
    }

    /** The caller of the key at a position of {@link #indexOf}. */
    Caller caller(int index) {
        return entries.get(index).caller();
    }

    /** How many keys are configured. */
    int size() {
        return entries.size();
    }

    /**
     * The position of a presented key among the configured ones ({@code 0 .. size() - 1}), or
     * {@code -1} for an unknown key: what the in-flight limit counts by.
     */
    int indexOf(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        int match = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (MessageDigest.isEqual(entries.get(i).keyHash(), presented) && match < 0) {
                match = i;
            }
        }
        return match;
    }

    /** The callers the keys belong to (partner and permission, never the keys), for the startup log. */
    public List<Caller> callers() {
        return entries.stream().map(Entry::caller).toList();
    }

    @Override
    public String toString() {
        return "ApiKeyRegistry[" + entries.size() + " keys]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    private record Entry(byte[] keyHash, Caller caller) {}
}
