package uk.safermap.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * STATS19 collision severity (the most severe casualty), with the Department for Transport's
 * average value of prevention per reported collision, 2023 prices (Reported road casualties Great
 * Britain, table RAS4001; WebTAG data book). Weights for hot spots are these values relative to a
 * slight collision, so one fatal collision counts as much as about 86 slight ones.
 */
public enum Severity {
    FATAL(1, "fatal", 2_862_841),
    SERIOUS(2, "serious", 327_890),
    SLIGHT(3, "slight", 33_294);

    private final int code;
    private final String key;
    private final long valueOfPreventionPounds;

    Severity(int code, String key, long valueOfPreventionPounds) {
        this.code = code;
        this.key = key;
        this.valueOfPreventionPounds = valueOfPreventionPounds;
    }

    /** The STATS19 code: 1 fatal, 2 serious, 3 slight. */
    public int code() {
        return code;
    }

    public String key() {
        return key;
    }

    public long valueOfPreventionPounds() {
        return valueOfPreventionPounds;
    }

    /** The value of prevention relative to a slight collision. */
    public double weight() {
        return (double) valueOfPreventionPounds / SLIGHT.valueOfPreventionPounds;
    }

    /** Killed or seriously injured. */
    public boolean ksi() {
        return this != SLIGHT;
    }

    public static Optional<Severity> fromCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    public static Optional<Severity> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
