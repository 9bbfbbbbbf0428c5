package uk.safermap.patrol;

import uk.safermap.domain.InvalidInputException;
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

    /** @throws InvalidInputException naming the member and the accepted words */
    static <E extends Enum<E>> E parse(Class<E> type, String member, String slug) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> of(c).equals(slug)).findFirst()
                .orElseThrow(() -> new InvalidInputException(member + " must be one of "
                        + Arrays.stream(constants).map(Slugs::of).collect(Collectors.joining(", "))
                        + ", got '" + slug + "'"));
    }
}
