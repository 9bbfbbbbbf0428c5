package uk.safermap.analysis.nearrepeat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the bands of a Knox table from their edges, in words and in interval notation, so that a label
 * always says exactly which pairs a row or column holds (the NRC's labels did not; see {@link KnoxTest}).
 */
final class BandLabels {

    private BandLabels() {
    }

    /** Bands for distance edges in metres: [0, e0], (e0, e1], ..., (ek, inf). */
    static List<KnoxBand> distanceBands(double[] edges) {
        List<KnoxBand> bands = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            String upper = number(edges[i]);
            if (i == 0) {
                String label = edges[0] == 0 ? "same location" : "0 to " + upper + " m";
                bands.add(new KnoxBand(label, "[0, " + upper + "]", 0, edges[0], true));
            } else {
                String lower = number(edges[i - 1]);
                bands.add(new KnoxBand("over " + lower + " to " + upper + " m", "(" + lower + ", " + upper + "]",
                        edges[i - 1], edges[i], false));
            }
        }
        double last = edges[edges.length - 1];
        bands.add(new KnoxBand("more than " + number(last) + " m", "(" + number(last) + ", inf)",
                last, Double.POSITIVE_INFINITY, false));
        return List.copyOf(bands);
    }

    /** Bands for day edges: [0, e0], (e0, e1], ..., (ek, inf); lags are whole days, so (0, 7] is "1-7 days". */
    static List<KnoxBand> dayBands(int[] edges) {
        List<KnoxBand> bands = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            int lower = i == 0 ? 0 : edges[i - 1] + 1;
            String label = edges[i] == 0 ? "same day" : days(lower, edges[i]);
            String interval = i == 0 ? "[0, " + edges[0] + "]" : "(" + edges[i - 1] + ", " + edges[i] + "]";
            bands.add(new KnoxBand(label, interval, i == 0 ? 0 : edges[i - 1], edges[i], i == 0));
        }
        int last = edges[edges.length - 1];
        bands.add(new KnoxBand("more than " + last + (last == 1 ? " day" : " days"), "(" + last + ", inf)",
                last, Double.POSITIVE_INFINITY, false));
        return List.copyOf(bands);
    }

    private static String days(int from, int to) {
        if (from == to) {
            return from + (from == 1 ? " day" : " days");
        }
        return from + "-" + to + " days";
    }

    /** 100.0 as "100", 12.5 as "12.5": no trailing zeros, no exponent. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
