package uk.safermap.patrol.routing;

/**
 * When one visit to a place must start, in seconds after the shift start, both ends included.
 *
 * @param open  the earliest arrival
 * @param close the latest arrival
 */
public record VisitWindow(long open, long close) {

    public VisitWindow {
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("a visit window needs 0 <= open <= close, got [" + open + ", " + close
                    + "]");
        }
    }
}
