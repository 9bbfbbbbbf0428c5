package uk.safermap.analysis;

import org.locationtech.jts.geom.Geometry;
import uk.safermap.analysis.grid.CellCounts;
import uk.safermap.analysis.stats.BandSelection;
import uk.safermap.analysis.stats.GetisOrdGiStar;
import uk.safermap.analysis.stats.HotSpotClass;
import uk.safermap.areas.AreaResolver;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.geo.GeometryFactories;
import uk.safermap.store.PointSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Getis-Ord Gi* hot spots on a square grid over the study area, classified after a
 * Benjamini-Hochberg false discovery rate correction; the distance band is the caller's, or
 * chosen by incremental spatial autocorrelation (see {@link BandSelection}).
 */
public final class GiStarService {

    /** One study cell: its count, Gi* z and p, FDR class, and outline in lon/lat. */
    public record Cell(int index, double count, double z, double p, HotSpotClass hotSpotClass, Geometry outline) {
    }

    /**
     * The whole run: parameters as used, how the band was chosen, totals and warnings.
     * {@code incidentsSelected} are the incidents the filter selects (its area included),
     * {@code incidentsAnalysed} those of them in a study cell (all of them, by construction of the
     * study area), {@code contextIncidents} those the statistic was computed on (the whole borough
     * for the filter's time and categories). Class counts and cells are of the cells shown.
     */
    public record Result(double cellMetres, double bandMetres, String bandRule, String bandReason, String studyArea,
                         int studyCells, int incidentsSelected, int incidentsAnalysed, int contextIncidents,
                         Map<String, Integer> classCounts, List<String> warnings, List<Cell> cells) {
    }

    /**
     * Without a band, cells within this many cell widths of an incident join the study area: two
     * cells, the default band of the emerging hot spot run, enough to give a lone village cell
     * empty neighbours to be measured against.
     */
    static final double DEFAULT_HALO_CELLS = 2;

    private final IncidentSelection selection;
    private final AreaResolver areas;
    private final ResultCache cache;
    private final BritishNationalGrid grid;

    public GiStarService(IncidentSelection selection, AreaResolver areas, ResultCache cache, BritishNationalGrid grid) {
        this.selection = selection;
        this.areas = areas;
        this.cache = cache;
        this.grid = grid;
    }

    public Result hotSpots(AnalysisFilter filter, GiStarParameters parameters) {
        return cache.get("gistar|" + parameters + "|" + filter.key(),
                () -> compute(filter, parameters.cellMetres(), parameters.bandMetres()));
    }

    private Result compute(AnalysisFilter filter, double cellMetres, OptionalDouble bandMetres) {
        StudyGrid study = StudyGrid.of(filter, selection, areas, cellMetres,
                bandMetres.orElse(DEFAULT_HALO_CELLS * cellMetres));
        PointSet points = study.context();
        CellCounts counts = study.counts();
        List<String> warnings = new ArrayList<>();
        double band;
        String rule;
        String reason;
        if (bandMetres.isPresent()) {
            band = bandMetres.getAsDouble();
            rule = "given";
            reason = "band given by the request";
        } else {
            BandSelection.Result chosen = BandSelection.select(counts, study.mask());
            band = chosen.bandMetres();
            rule = chosen.rule().slug();
            reason = chosen.reason();
            warnings.addAll(chosen.warnings());
        }
        GetisOrdGiStar.Result gi = GetisOrdGiStar.run(counts, study.mask(), band);
        warnings.addAll(gi.warnings());
        List<Cell> cells = new ArrayList<>();
        int[] shownClasses = new int[HotSpotClass.values().length];
        for (int i : study.mask().cells()) {
            if (!study.shown()[i]) {
                continue;
            }
            shownClasses[gi.classOf(i).ordinal()]++;
            cells.add(new Cell(i, counts.counts()[i], gi.z()[i], gi.p()[i], gi.classOf(i),
                    grid.toWgs84(study.grid().cellPolygon(i, GeometryFactories.GRID))));
        }
        return new Result(cellMetres, band, rule, reason, study.name(), gi.n(), study.selected(), study.analysed(),
                points.size(), classCounts(shownClasses), List.copyOf(warnings), cells);
    }

    private static Map<String, Integer> classCounts(int[] counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (HotSpotClass c : HotSpotClass.values()) {
            out.put(c.slug(), counts[c.ordinal()]);
        }
        return out;
    }
}
