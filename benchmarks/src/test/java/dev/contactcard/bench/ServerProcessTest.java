package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the warm-up tells that a server's JIT has settled, and which load generator may write the README. */
class ServerProcessTest {

    // Lines of /proc/<pid>/task/<tid>/stat as Linux writes them: utime and stime are fields 14 and 15.
    private static final String C2 =
            "4242 (C2 CompilerThre) S 4200 4200 7 0 -1 4194368 1203 0 0 0 1510 37 0 0 20 0 21 0 36118 0 0";
    private static final String WORKER =
            "4250 (http-nio-127.0.) R 4200 4200 7 0 -1 4194368 88 0 0 0 900 120 0 0 20 0 21 0 36511 0 0";
    private static final String ODD_NAME =
            "4251 (a) b (C2 x) S 4200 4200 7 0 -1 4194368 88 0 0 0 3 4 0 0 20 0 21 0 36511 0 0";

    @Test
    void aThreadsTicksAreItsUserAndSystemTimeAndItsNameSaysWhetherItCompiles() {
        assertThat(ServerProcess.CpuTicks.ofStat(C2)).isEqualTo(1547);
        assertThat(ServerProcess.CpuTicks.isCompilerThread(C2)).isTrue();
        assertThat(ServerProcess.CpuTicks.ofStat(WORKER)).isEqualTo(1020);
        assertThat(ServerProcess.CpuTicks.isCompilerThread(WORKER)).isFalse();
        // A name may hold spaces and parentheses; the fields start after the last ')'.
        assertThat(ServerProcess.CpuTicks.ofStat(ODD_NAME)).isEqualTo(7);
        assertThat(ServerProcess.CpuTicks.isCompilerThread(ODD_NAME)).isFalse();
    }

    @Test
    void theCompilersShareIsOfTheCpuTheJvmUsedSinceTheLastLook() {
        ServerProcess.CpuTicks before = new ServerProcess.CpuTicks(10_000, 2_000);

        assertThat(new ServerProcess.CpuTicks(11_000, 2_250).compilerShareSince(before))
                .isEqualTo(0.25);
        assertThat(new ServerProcess.CpuTicks(11_000, 2_010).compilerShareSince(before))
                .isEqualTo(0.01);
        // A compiler thread that ended took its ticks along: no negative share.
        assertThat(new ServerProcess.CpuTicks(11_000, 1_500).compilerShareSince(before))
                .isZero();
        // Nothing used at all (an idle server): nothing compiled either.
        assertThat(before.compilerShareSince(before)).isZero();
    }

    @Test
    void withProcTheServersOwnTicksAreRead() throws Exception {
        // This JVM stands in for a server: starting JUnit alone made its JIT compile hundreds of
        // methods, so its compiler threads, found by their names as Linux cuts them, used CPU.
        ProcessHandle self = ProcessHandle.current();
        assertThat(Path.of("/proc", Long.toString(self.pid()), "task")).isDirectory();
        ServerProcess.CpuTicks ticks = ServerProcess.cpuTicksOf(self.pid()).orElseThrow();

        assertThat(ticks.compilers()).isPositive();
        assertThat(ticks.total()).isGreaterThan(ticks.compilers());
    }

    @Test
    void aRunThatRewritesTheReadmeNeedsWrkUnlessToldToUseTheJavaGenerator() {
        Path readme = Path.of("README.md");

        assertThatThrownBy(() -> BenchmarkRun.checkLoadGenerator(readme, false, false))
                .hasMessageContaining("wrk is not installed (Debian: apt-get install -y wrk)")
                .hasMessageContaining("-Dbench.java.load=true")
                .hasMessageContaining("-Dbench.readme=");
        BenchmarkRun.checkLoadGenerator(readme, false, true);
        BenchmarkRun.checkLoadGenerator(readme, true, false);
        BenchmarkRun.checkLoadGenerator(null, false, false);
    }
}
