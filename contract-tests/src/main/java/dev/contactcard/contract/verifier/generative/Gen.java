package dev.contactcard.contract.verifier.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A generator of values from a random source: the same seed gives the same values. The verifier
 * judges each generated request against a remote provider, one request at a time and within a
 * request budget, so it generates without shrinking: a failure shows the request as sent.
 */
@FunctionalInterface
interface Gen<T> {

    T next(RandomGenerator random);

    default <R> Gen<R> map(Function<? super T, ? extends R> function) {
        return random -> function.apply(next(random));
    }

    default <U, R> Gen<R> zip(Gen<U> other, BiFunction<? super T, ? super U, ? extends R> combine) {
        return random -> {
            T first = next(random);
            return combine.apply(first, other.next(random));
        };
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> function) {
        return random -> function.apply(next(random)).next(random);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    static Gen<Integer> between(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    static Gen<Boolean> booleans() {
        return RandomGenerator::nextBoolean;
    }

    static <T> Gen<T> pick(List<? extends T> values) {
        List<? extends T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> all = List.of(generators);
        return random -> all.get(random.nextInt(all.size())).next(random);
    }

    /** A generator chosen in proportion to its weight. */
    record Weighted<T>(int weight, Gen<? extends T> generator) {}

    static <T> Weighted<T> weight(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... choices) {
        List<Weighted<T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int roll = random.nextInt(total);
            for (Weighted<T> choice : all) {
                roll -= choice.weight();
                if (roll < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
        return random -> {
            int size = minSize + random.nextInt(maxSize - minSize + 1);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.next(random));
            }
            return list;
        };
    }
}
