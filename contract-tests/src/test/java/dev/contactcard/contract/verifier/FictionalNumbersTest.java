package dev.contactcard.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The states' fresh numbers are E.164 and lie in the ranges reserved for fiction. */
class FictionalNumbersTest {

    private final SplittableRandom random = new SplittableRandom(20261207);

    @Test
    void northAmericanNumbersAreOf555Dash0100To0199() {
        IntStream.range(0, 1000)
                .forEach(i -> assertThat(FictionalNumbers.pick("1", random)).matches("\\+1[2-9][0-9]{2}55501[0-9]{2}"));
    }

    @Test
    void britishNumbersAreOfOfcomsDramaRange() {
        IntStream.range(0, 1000)
                .forEach(i -> assertThat(FictionalNumbers.pick("44", random)).matches("\\+447700900[0-9]{3}"));
    }

    @Test
    void aCountryWithoutAKnownRangeIsRefused() {
        assertThatThrownBy(() -> FictionalNumbers.pick("33", random)).hasMessageContaining("+33");
    }
}
