package dev.contactcard.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumberRangeTest {

    private final NumberRange sandbox = NumberRange.parse("+15005550000-+15005550099");

    @Test
    void aRangeHoldsItsEndsAndWhatLiesBetween() {
        assertThat(sandbox.contains("+15005550000")).isTrue();
        assertThat(sandbox.contains("+15005550042")).isTrue();
        assertThat(sandbox.contains("+15005550099")).isTrue();
        assertThat(sandbox.contains("+15005550100")).isFalse();
        assertThat(sandbox.contains("+1500555004")).isFalse();
        assertThat(sandbox.contains("15005550042")).isFalse();
        assertThat(sandbox.contains(null)).isFalse();
    }

    @Test
    void aSingleNumberIsARangeOfOneAndBothSpellingsOfARangeRead() {
        assertThat(NumberRange.parse("+15005550001").contains("+15005550001")).isTrue();
        assertThat(NumberRange.parse(" +15005550000 .. +15005550009 ")).hasToString("+15005550000-+15005550009");
    }

    @Test
    void everyPickedNumberIsInTheRange() {
        SplittableRandom random = new SplittableRandom(7);
        IntStream.range(0, 500)
                .forEach(i -> assertThat(sandbox.contains(sandbox.pick(random))).isTrue());
    }

    @Test
    void endsOfDifferentLengthsOrNotE164AreRefused() {
        assertThatThrownBy(() -> NumberRange.parse("+1500555-+15005550099"))
                .hasMessageContaining("same number of digits");
        assertThatThrownBy(() -> NumberRange.parse("+05005550000")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> NumberRange.parse("+15005550099-+15005550000")).hasMessageContaining("after its last");
    }
}
