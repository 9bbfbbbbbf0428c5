/**
 * Square analysis grids in British National Grid metres (EPSG:27700): the grid itself
 * ({@link uk.safermap.analysis.grid.SquareGrid}, aligned to multiples of the cell size like OS grid
 * squares), binning points into it ({@link uk.safermap.analysis.grid.CellCounts},
 * {@link uk.safermap.analysis.grid.CountCube} for one layer per time step), the cells taking part in an
 * analysis ({@link uk.safermap.analysis.grid.StudyMask}) and fixed distance-band neighbourhoods computed
 * as a stencil of cell offsets ({@link uk.safermap.analysis.grid.BandStencil}).
 *
 * <p>Cells are numbered row by row from the south-west corner: index {@code i = row * nx + col}, row 0
 * being the southernmost. Everything here is plain arrays and JTS geometry; no HTTP, SQL or JSON.
 */
package uk.safermap.analysis.grid;
