/**
 * Road safety: KSI (killed or seriously injured) hot spots over STATS19 collisions, weighted by
 * the DfT value of prevention per collision, hour-of-week profiles and road-segment views. No HTTP
 * or SQL here: the store is read through {@link uk.safermap.store.CollisionStore}.
 */
package uk.safermap.roads;
