package dev.contactcard.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The gate's version rules")
class VersionRulesTest {

    @TempDir
    Path dir;

    private void gate(String baselineVersion, String current, String projectVersion) {
        SpecCompatibilityGate.main(new String[] {
            Fixtures.base().toString(), baselineVersion,
            Fixtures.fixture(current).toString(), projectVersion,
            dir.resolve("spec-changelog.md").toString()
        });
    }

    @Test
    void acceptAnArtifactWhoseVersionWithoutSnapshotIsTheSpecVersion() {
        gate("1.0.0", "base", "1.0.0-SNAPSHOT");
        gate("1.0.0", "base", "1.0.0");
    }

    @Test
    void refuseASpecVersionThatDiffersFromTheArtifactVersion() {
        assertThatThrownBy(() -> gate("1.0.0", "compatible-new-operation", "1.1.0-SNAPSHOT"))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("info.version is 1.0.0, but the artifact version 1.1.0-SNAPSHOT promises 1.1.0");
    }

    @Test
    void refuseABaselineWhoseVersionIsNotTheConfiguredRelease() {
        assertThatThrownBy(() -> gate("0.9.0", "base", "1.0.0-SNAPSHOT"))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("has info.version 1.0.0, but contactcard.spec.baseline.version is 0.9.0");
    }

    @Test
    void refuseAMissingBaselineWithTheWayToFreezeOne() {
        assertThatThrownBy(() -> SpecCompatibilityGate.main(new String[] {
                    dir.resolve("contact-card-9.9.9.yaml").toString(),
                    "9.9.9",
                    Fixtures.base().toString(),
                    "1.0.0-SNAPSHOT",
                    dir.resolve("c.md").toString()
                }))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("No spec at")
                .hasMessageContaining("docs/RELEASING.md");
    }

    @Test
    void refuseAReleaseBuildThatNumbersACompatibleChangeAsAPatch() {
        assertThatThrownBy(() -> gate("1.0.0", "compatible-new-operation", "1.0.0"))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("Release 1.0.0 is too small a step from 1.0.0")
                .hasMessageContaining("release it as at least 1.1.0");
    }

    @Test
    void letASnapshotBuildCarryCompatibleChangesBeforeTheVersionIsRaised() {
        gate("1.0.0", "compatible-new-operation", "1.0.0-SNAPSHOT");
        gate("1.0.0", "documentation-description-added", "1.0.0-SNAPSHOT");
    }

    @Test
    void refuseAVersionBelowTheLastRelease() {
        assertThatThrownBy(() -> SpecCompatibilityGate.main(new String[] {
                    Fixtures.fixture("breaking-operation-removed-in-2.0.0").toString(),
                    "2.0.0",
                    Fixtures.base().toString(),
                    "1.0.0-SNAPSHOT",
                    dir.resolve("c.md").toString()
                }))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("The spec's version 1.0.0 is below the last release 2.0.0");
    }

    @Test
    void readOnlyMajorMinorPatchVersions() {
        assertThat(ContractVersion.parse("2.10.3", "v")).isEqualTo(new ContractVersion(2, 10, 3));
        assertThat(ContractVersion.ofArtifact("1.2.0-SNAPSHOT")).hasToString("1.2.0");
        assertThatThrownBy(() -> ContractVersion.parse("1.0", "info.version of x.yaml"))
                .hasMessage("info.version of x.yaml must be a MAJOR.MINOR.PATCH version, but is '1.0'");
        assertThatThrownBy(() -> ContractVersion.ofArtifact("1.0.0-beta")).isInstanceOf(GateFailure.class);
    }

    @Test
    void orderVersionsNumerically() {
        assertThat(ContractVersion.parse("1.10.0", "v")).isGreaterThan(ContractVersion.parse("1.9.9", "v"));
        assertThat(ContractVersion.parse("2.0.0", "v")).isGreaterThan(ContractVersion.parse("1.99.0", "v"));
    }
}
