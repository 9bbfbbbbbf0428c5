/**
 * Where to put mobile CCTV and video doorbells: the services that turn selected incidents into a
 * covering problem ({@link uk.safermap.placement.CctvPlacementService}) or a household allocation
 * ({@link uk.safermap.placement.DoorbellService}), with crime harm weights
 * ({@link uk.safermap.placement.HarmWeights}, docs/methods.md 3.4). The solvers live in the pure
 * sub-packages {@code mclp} and {@code allocation}.
 */
package uk.safermap.placement;
