package uk.safermap.params;

import java.util.ArrayList;
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
    private final List<String> listed;

    private Words(Map<String, T> meanings, List<String> listed) {
        this.meanings = Collections.unmodifiableMap(meanings);
        this.listed = List.copyOf(listed);
    }

    public static <T> Words<T> of(String word, T meaning) {
        return new Words<T>(Map.of(), List.of()).or(word, meaning);
    }

    /** These words and one more. */
    public Words<T> or(String word, T meaning) {
        List<String> more = new ArrayList<>(listed);
        more.add(word);
        return new Words<>(with(word, meaning), more);
    }

    /** Another word for a meaning already listed, accepted but not offered (an older spelling). */
    public Words<T> alias(String word, T meaning) {
        return new Words<>(with(word, meaning), listed);
    }

    private Map<String, T> with(String word, T meaning) {
        Map<String, T> more = new LinkedHashMap<>(meanings);
        if (more.put(word, meaning) != null) {
            throw new IllegalStateException("the word '" + word + "' is listed twice");
        }
        return more;
    }

    Optional<T> meaning(String word) {
        return Optional.ofNullable(meanings.get(word));
    }

    /** "a, b or c". */
    String list() {
        List<String> words = listed;
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
