package uk.safermap.patrol;

import uk.safermap.domain.InvalidInputException;
import uk.safermap.params.Words;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants as request words: {@code FOOT} is {@code foot}. */
final class Slugs {

    private Slugs() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Every constant by its word, for a parameter that takes one. */
    static <E extends Enum<E>> Words<E> words(Class<E> type) {
        E[] constants = type.getEnumConstants();
        Words<E> words = Words.of(of(constants[0]), constants[0]);
        for (int i = 1; i < constants.length; i++) {
            words = words.or(of(constants[i]), constants[i]);
        }
        return words;
    }

    /** @throws InvalidInputException naming the member and the accepted words */
    static <E extends Enum<E>> E parse(Class<E> type, String member, String slug) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> of(c).equals(slug)).findFirst()
                .orElseThrow(() -> new InvalidInputException(member + " must be one of "
                        + Arrays.stream(constants).map(Slugs::of).collect(Collectors.joining(", "))
                        + ", got '" + slug + "'"));
    }
}
