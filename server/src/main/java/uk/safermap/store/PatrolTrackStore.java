package uk.safermap.store;

import uk.safermap.domain.TrackPoint;

import java.util.List;

/** The GPS tracks uploaded for a patrol plan, to measure the dose delivered against the plan. */
public interface PatrolTrackStore {

    /** Replaces the plan's tracks with these, in one transaction. */
    void replace(String planId, List<TrackPoint> points);

    /** The plan's tracks by unit and time; empty when none were uploaded. */
    List<TrackPoint> get(String planId);
}
