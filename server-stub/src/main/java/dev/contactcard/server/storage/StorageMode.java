package dev.contactcard.server.storage;

/** Where the provider keeps its cards ({@code contactcard.storage.mode}). */
public enum StorageMode {
    /** An H2 database in files under {@code contactcard.storage.data-dir}: cards survive a restart. The default. */
    FILE,
    /** A private in-memory H2 database, gone when the application stops: for tests. */
    MEMORY
}
