package dev.contactcard.spec.evolution;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semantic version of the contract, {@code MAJOR.MINOR.PATCH}, as written in the spec's
 * {@code info.version} and (without {@code -SNAPSHOT}) in the Maven artifact version.
 */
public record ContractVersion(int major, int minor, int patch) implements Comparable<ContractVersion> {

    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");
    private static final String SNAPSHOT = "-SNAPSHOT";

    /** Parses {@code MAJOR.MINOR.PATCH}; anything else is refused with a message naming the value. */
    public static ContractVersion parse(String text, String whatItIs) {
        Matcher m = SEMVER.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new GateFailure(whatItIs + " must be a MAJOR.MINOR.PATCH version, but is '" + text + "'");
        }
        return new ContractVersion(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The contract version an artifact version promises: {@code 1.2.0-SNAPSHOT} promises {@code 1.2.0}. */
    public static ContractVersion ofArtifact(String artifactVersion) {
        String v = artifactVersion == null ? "" : artifactVersion.trim();
        if (v.endsWith(SNAPSHOT)) {
            v = v.substring(0, v.length() - SNAPSHOT.length());
        }
        return parse(v, "The artifact version (without " + SNAPSHOT + ")");
    }

    public ContractVersion nextMajor() {
        return new ContractVersion(major + 1, 0, 0);
    }

    public ContractVersion nextMinor() {
        return new ContractVersion(major, minor + 1, 0);
    }

    public ContractVersion nextPatch() {
        return new ContractVersion(major, minor, patch + 1);
    }

    @Override
    public int compareTo(ContractVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
