/**
 * How a capability's parameter record reads its values, whatever spelt them: the query string
 * of a GET or the members of a JSON body ({@link uk.safermap.params.ParameterSource}). Each
 * capability keeps one record (for example {@link uk.safermap.analysis.ClusterParameters}) that
 * names its parameters and holds their defaults, limits and checks once, after ELKI's
 * parameterization classes; the HTTP layer only supplies the source and refuses names no record
 * asked for, so adding a parameter is one edit in the record.
 */
package uk.safermap.params;
