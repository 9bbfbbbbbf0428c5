package uk.safermap.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed list of words a parameter takes and what each means, in the order a message should
 * list them: {@code Words.of("count", COUNT).or("rate", RATE)}.
 */
public final class Words<T> {

    private final Map<String, T> meanings;

    private Words(Map<String, T> meanings) {
        this.meanings = Collections.unmodifiableMap(meanings);
    }

    public static <T> Words<T> of(String word, T meaning) {
        return new Words<T>(new LinkedHashMap<>()).or(word, meaning);
    }

    /** These words and one more. */
    public Words<T> or(String word, T meaning) {
        Map<String, T> more = new LinkedHashMap<>(meanings);
        if (more.put(word, meaning) != null) {
            throw new IllegalStateException("the word '" + word + "' is listed twice");
        }
        return new Words<>(more);
    }

    Optional<T> meaning(String word) {
        return Optional.ofNullable(meanings.get(word));
    }

    /** "a, b or c". */
    String list() {
        List<String> words = List.copyOf(meanings.keySet());
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
