/**
 * The maximal covering location problem (Church and ReVelle 1974) over harm-weighted demand: a
 * candidate lattice, demand classes, greedy with Teitz-Bart interchange
 * ({@link uk.safermap.placement.mclp.GreedyInterchange}) and an exact SCIP model with its LP bound
 * ({@link uk.safermap.placement.mclp.ExactMclp}). Plain arrays and JTS only.
 */
package uk.safermap.placement.mclp;
