package dev.contactcard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkLoadTest {

    @Test
    void theDoneHooksLineIsReadIntoAResult() {
        LoadResult result = WrkLoad.parse("Running 8s test @ http://127.0.0.1:1234\n"
                + "  2 threads and 16 connections\n"
                + "BENCH requests=240000 duration_us=8000000 p50_us=410 p99_us=2300 status_errors=3 socket_errors=1\n");

        assertThat(result.perSecond()).isEqualTo(30_000.0);
        assertThat(result.p50Micros()).isEqualTo(410);
        assertThat(result.p99Micros()).isEqualTo(2300);
        assertThat(result.errorResponses()).isEqualTo(3);
        assertThat(result.socketErrors()).isEqualTo(1);
    }

    @Test
    void outputWithoutTheLineIsAnError() {
        assertThatThrownBy(() -> WrkLoad.parse("unable to connect to 127.0.0.1:1234 Connection refused"))
                .hasMessageContaining("No BENCH line");
    }

    @Test
    void theScriptsAreLuaWithTheirFormatDirectivesIntact() {
        assertThat(WrkLoad.script(Scenario.GET_BY_PHONE))
                .contains("\"?phone_number=%2B1555\" .. string.format(\"%07d\"", "Bearer sandbox-rw-key")
                .doesNotContain("%%")
                // A local would hide the thread number setup() gives each thread: every thread would
                // then create the same numbers, and POST would answer 409.
                .doesNotContain("local tid");
        assertThat(WrkLoad.script(Scenario.POST_NEW_NUMBER)).contains("\"+1%03d%02d%08d\"".replace("\"", ""));
    }
}
