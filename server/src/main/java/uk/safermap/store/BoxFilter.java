package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;

import java.util.List;
import java.util.Optional;

/**
 * Boxes a feature must intersect one of: none for everywhere; two for a lon/lat box that crosses
 * the antimeridian. Boxes are lon/lat degrees, or British National Grid metres when {@code grid},
 * which the stores test against their grid columns so a grid box is exact, not the lon/lat box
 * around it.
 */
public record BoxFilter(List<Envelope> boxes, boolean grid) {

    public static final BoxFilter NONE = new BoxFilter(List.of(), false);

    public BoxFilter {
        boxes = List.copyOf(boxes);
    }

    public static BoxFilter lonLat(Envelope... boxes) {
        return new BoxFilter(List.of(boxes), false);
    }

    /** A British National Grid box, or everywhere when none is given. */
    public static BoxFilter gridBox(Optional<Envelope> box) {
        return box.map(b -> new BoxFilter(List.of(b), true)).orElse(NONE);
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }
}
