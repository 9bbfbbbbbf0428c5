/**
 * Per-neighbourhood profiles: counts by category and month inside an area, change against the same
 * calendar months of a baseline year, and the area's top locations
 * ({@link uk.safermap.analysis.profile.ProfileCalculator}).
 */
package uk.safermap.analysis.profile;
