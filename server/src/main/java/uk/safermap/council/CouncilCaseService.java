package uk.safermap.council;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import uk.safermap.analysis.ClusterParameters;
import uk.safermap.analysis.cluster.ClusterOutlines;
import uk.safermap.analysis.cluster.Clustering;
import uk.safermap.analysis.cluster.Dbscan;
import uk.safermap.domain.CaseType;
import uk.safermap.domain.CouncilCase;
import uk.safermap.domain.CouncilTaxonomy;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.CouncilCaseQuery;
import uk.safermap.store.CouncilCaseStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * Hot spots of council cases: DBSCAN in grid metres over the chosen case types, clusters ranked
 * by size with their counts by type. Thread-safe; each call reads the store.
 */
public final class CouncilCaseService {

    /** One cluster; {@code outline} is lon/lat. */
    public record Cluster(int rank, int cases, Map<String, Integer> types, String firstDate, String lastDate,
                          double centreLon, double centreLat, Geometry outline) {
    }

    public record Clusters(double epsMetres, int minPoints, int cases, int clustered, List<Cluster> clusters) {
    }

    private final CouncilCaseStore store;
    private final CouncilTaxonomy taxonomy;
    private final BritishNationalGrid grid;

    public CouncilCaseService(CouncilCaseStore store, CouncilTaxonomy taxonomy, BritishNationalGrid grid) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.grid = grid;
    }

    public CouncilTaxonomy taxonomy() {
        return taxonomy;
    }

    /** @param types empty for every type; {@code to} is exclusive */
    /** DBSCAN for council cases: fly-tips and the like recur at a spot, so 5 within 100 m make a place. */
    public static final ClusterParameters CLUSTERS = new ClusterParameters(100, 5);

    public Clusters clusters(Optional<LocalDate> from, Optional<LocalDate> to, Set<CaseType> types,
                             Optional<Envelope> gridBox, ClusterParameters parameters) {
        double epsMetres = parameters.epsMetres();
        int minPoints = parameters.minPoints();
        Dbscan dbscan = new Dbscan(epsMetres, minPoints);
        List<CouncilCase> all = store.find(new CouncilCaseQuery(BoxFilter.gridBox(gridBox), from, to,
                Set.copyOf(types.stream().map(CaseType::slug).toList()), Integer.MAX_VALUE, 0)).items();
        double[] x = all.stream().mapToDouble(CouncilCase::easting).toArray();
        double[] y = all.stream().mapToDouble(CouncilCase::northing).toArray();
        Clustering c = dbscan.run(x, y);
        List<Polygon> outlines = ClusterOutlines.outlines(x, y, c, epsMetres, GRID);
        List<Cluster> clusters = new ArrayList<>();
        int[][] members = c.members();
        for (int id = 0; id < members.length; id++) {
            clusters.add(describe(all, members[id], outlines.get(id)));
        }
        clusters.sort(Comparator.comparingInt(Cluster::cases).reversed().thenComparing(Cluster::firstDate));
        List<Cluster> ranked = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster k = clusters.get(i);
            ranked.add(new Cluster(i + 1, k.cases(), k.types(), k.firstDate(), k.lastDate(), k.centreLon(),
                    k.centreLat(), k.outline()));
        }
        return new Clusters(epsMetres, minPoints, all.size(), all.size() - c.noiseCount(), ranked);
    }

    private Cluster describe(List<CouncilCase> all, int[] members, Polygon outline) {
        Map<String, Integer> types = new TreeMap<>();
        double sx = 0;
        double sy = 0;
        String first = null;
        String last = null;
        for (int i : members) {
            CouncilCase k = all.get(i);
            types.merge(k.type().slug(), 1, Integer::sum);
            sx += k.easting();
            sy += k.northing();
            String d = k.date().toString();
            first = first == null || d.compareTo(first) < 0 ? d : first;
            last = last == null || d.compareTo(last) > 0 ? d : last;
        }
        double[] centre = grid.toWgs84(sx / members.length, sy / members.length);
        return new Cluster(0, members.length, types, first, last, centre[0], centre[1], grid.toWgs84(outline));
    }
}
