package uk.safermap.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of area the service knows: statistical boundaries, and user-edited neighbourhoods. */
public enum AreaKind {
    WARD("ward"),
    LSOA("lsoa"),
    OA("oa"),
    NEIGHBOURHOOD("neighbourhood");

    private final String key;

    AreaKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<AreaKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
