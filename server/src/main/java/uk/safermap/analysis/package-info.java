/**
 * Hot spot analysis services: each selects incidents from the store
 * ({@link uk.safermap.analysis.IncidentSelection}), runs one algorithm from the pure sub-packages
 * ({@code cluster}, {@code density}, {@code stats}, {@code nearrepeat}, {@code profile}) in BNG metres,
 * and caches results by their inputs ({@link uk.safermap.analysis.ResultCache}).
 */
package uk.safermap.analysis;
