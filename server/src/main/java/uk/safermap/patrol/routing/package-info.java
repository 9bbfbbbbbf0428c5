/**
 * Patrol routes: travel between stops on straight lines or a road network
 * ({@link uk.safermap.patrol.routing.TravelModel}, {@link uk.safermap.patrol.routing.RoadNetwork}),
 * the prize-collecting vehicle routing problem of one shift
 * ({@link uk.safermap.patrol.routing.PatrolProblem}) solved with OR-Tools
 * ({@link uk.safermap.patrol.routing.PatrolRouter}), and a nearest-neighbour baseline
 * ({@link uk.safermap.patrol.routing.NearestNeighbourRouter}).
 *
 * <p>Coordinates are British National Grid metres (EPSG:27700), times whole seconds from the
 * shift start. No HTTP, SQL or JSON. Invalid input throws {@link java.lang.IllegalArgumentException}.
 */
package uk.safermap.patrol.routing;
