/**
 * Hot spot patrol planning for a shift: {@link uk.safermap.patrol.PatrolService} finds the hot
 * spots of the selected incidents (DBSCAN clusters or Gi* cells), weighs them for the shift
 * ({@code risk}), routes the units through them ({@code routing}) and stores the plan.
 * The algorithms live in the pure sub-packages {@code risk} and {@code routing}.
 */
package uk.safermap.patrol;
