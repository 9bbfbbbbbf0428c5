package uk.safermap.params;

import uk.safermap.domain.Category;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Named values of one request. Every read names its parameter, its default and its accepted
 * range, and the source answers a value outside the range, or of the wrong type, with the
 * request's own error (a 400 over HTTP) naming the parameter as the caller spelt it.
 */
public interface ParameterSource {

    /** A number in [min, max], if given. */
    OptionalDouble optionalNumber(String name, double min, double max);

    /** A whole number in [min, max], or the fallback when absent. */
    int integer(String name, int fallback, int min, int max);

    /** A whole number in [min, max] that must be given. */
    int requiredInteger(String name, int min, int max);

    /** The text, if given. */
    Optional<String> string(String name);

    /** A list of numbers (comma-separated in a query string, an array in JSON), if given. */
    Optional<double[]> numbers(String name);

    /** A calendar month, YYYY-MM, if given. */
    Optional<YearMonth> month(String name);

    /** true or false, if given. */
    Optional<Boolean> flag(String name);

    /**
     * The error for a value that is well-formed but wrong in a way only the record can tell
     * (an order, a combination); the message should name the parameter.
     */
    RuntimeException invalid(String message);

    default double number(String name, double fallback, double min, double max) {
        return optionalNumber(name, min, max).orElse(fallback);
    }

    default String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    default double[] numbers(String name, double[] fallback) {
        return numbers(name).orElse(fallback);
    }

    /** Crime categories as police.uk slugs, comma-separated; empty when absent. */
    default Set<Category> categories(String name) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String slug : string(name, "").split(",")) {
            if (!slug.isBlank()) {
                out.add(Category.fromSlug(slug.strip()).orElseThrow(() -> invalid(name + ": unknown category '"
                        + slug.strip() + "': use data.police.uk category slugs such as burglary, shoplifting, "
                        + "violent-crime, anti-social-behaviour")));
            }
        }
        return out;
    }

    /** One of the words (of a closed list), or the fallback when absent. */
    default <T> T choice(String name, T fallback, Words<T> words) {
        Optional<String> word = string(name);
        if (word.isEmpty()) {
            return fallback;
        }
        return words.meaning(word.get()).orElseThrow(() -> invalid(name + " must be " + words.list() + ", got '"
                + word.get() + "'"));
    }
}
