package dev.contactcard.server.support;

/**
 * Resource-lock names for Jupiter's parallel mode ({@code junit-platform.properties}), where the
 * crash test runs beside the rest of the suite.
 */
public final class MachineLoad {

    /**
     * Held by the test that loads both cores from another process (the crash test) and by the test
     * whose latency bound such a load would break ({@code SlowClientsTest}), so that they never run
     * at the same time. The latter runs last, when the former has long finished.
     */
    public static final String CORES = "both cores of the build machine";

    private MachineLoad() {}
}
