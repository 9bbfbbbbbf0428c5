package uk.safermap.layers.filter;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.layers.Queryable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Translates a CQL2 text filter into an {@link ItemsFilter}. The stores filter each queryable by a
 * set of values and space by a union of boxes, all ANDed, so each predicate becomes a value set
 * (comparisons and BETWEEN select from the queryable's enumerated values in string order, as CQL2
 * compares strings) and AND/OR/NOT become set operations where the result stays in that form: OR
 * and NOT within one property or between boxes. Anything else (OR across properties, NOT of a
 * box) is rejected naming the part, so a filter is never silently widened.
 *
 * @throws InvalidInputException from {@link #parse} with the column and reason
 */
public final class Cql2Filters {

    private static final String GEOMETRY = "geometry";

    private Cql2Filters() {
    }

    public static ItemsFilter parse(String text, List<Queryable> queryables) {
        Cql2Lexer lexer = new Cql2Lexer(CharStreams.fromString(text));
        Cql2Parser parser = new Cql2Parser(new CommonTokenStream(lexer));
        BaseErrorListener fail = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg,
                                    RecognitionException e) {
                throw new InvalidInputException("filter is not valid CQL2 text (the supported subset) at column "
                        + (column + 1) + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(fail);
        parser.removeErrorListeners();
        parser.addErrorListener(fail);
        Map<String, Queryable> byName = new LinkedHashMap<>();
        queryables.forEach(q -> byName.put(q.name(), q));
        return new Translator(text, byName).visit(parser.filter().booleanExpression());
    }

    private static final class Translator extends Cql2BaseVisitor<ItemsFilter> {

        private final String text;
        private final Map<String, Queryable> queryables;

        Translator(String text, Map<String, Queryable> queryables) {
            this.text = text;
            this.queryables = queryables;
        }

        @Override
        public ItemsFilter visitParens(Cql2Parser.ParensContext ctx) {
            return visit(ctx.booleanExpression());
        }

        @Override
        public ItemsFilter visitPred(Cql2Parser.PredContext ctx) {
            return visit(ctx.predicate());
        }

        @Override
        public ItemsFilter visitAnd(Cql2Parser.AndContext ctx) {
            ItemsFilter a = visit(ctx.booleanExpression(0));
            ItemsFilter b = visit(ctx.booleanExpression(1));
            Map<String, Set<String>> values = new HashMap<>(a.values());
            b.values().forEach((k, v) -> values.merge(k, v, (x, y) -> {
                Set<String> both = new LinkedHashSet<>(x);
                both.retainAll(y);
                return both;
            }));
            Optional<List<Envelope>> boxes = a.boxes().isEmpty() ? b.boxes() : b.boxes().isEmpty() ? a.boxes()
                    : Optional.of(ItemsFilter.intersections(a.boxes().get(), b.boxes().get()));
            return new ItemsFilter(values, boxes);
        }

        @Override
        public ItemsFilter visitOr(Cql2Parser.OrContext ctx) {
            ItemsFilter a = visit(ctx.booleanExpression(0));
            ItemsFilter b = visit(ctx.booleanExpression(1));
            if (a.boxes().isEmpty() && b.boxes().isEmpty() && a.values().size() == 1
                    && a.values().keySet().equals(b.values().keySet())) {
                String name = a.values().keySet().iterator().next();
                Set<String> either = new LinkedHashSet<>(a.values().get(name));
                either.addAll(b.values().get(name));
                return new ItemsFilter(Map.of(name, either), Optional.empty());
            }
            if (a.values().isEmpty() && b.values().isEmpty() && a.boxes().isPresent() && b.boxes().isPresent()) {
                List<Envelope> either = new ArrayList<>(a.boxes().get());
                either.addAll(b.boxes().get());
                return new ItemsFilter(Map.of(), Optional.of(either));
            }
            throw unsupported(ctx, "OR is supported between conditions on one and the same property (or between "
                    + "S_INTERSECTS boxes) only, as the store filters each property separately");
        }

        @Override
        public ItemsFilter visitNot(Cql2Parser.NotContext ctx) {
            ItemsFilter a = visit(ctx.booleanExpression());
            if (a.boxes().isPresent() || a.values().size() != 1) {
                throw unsupported(ctx, "NOT is supported on conditions on a single queryable only");
            }
            Map.Entry<String, Set<String>> only = a.values().entrySet().iterator().next();
            return select(ctx, only.getKey(), v -> !only.getValue().contains(v));
        }

        @Override
        public ItemsFilter visitComparison(Cql2Parser.ComparisonContext ctx) {
            String op = ctx.op.getText();
            Cql2Parser.ScalarContext property = ctx.left;
            Cql2Parser.ScalarContext literal = ctx.right;
            if (ctx.left.propertyName() == null) {
                property = ctx.right;
                literal = ctx.left;
                op = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    case ">=" -> "<=";
                    default -> op;
                };
            }
            if (property.propertyName() == null || literal.propertyName() != null) {
                throw unsupported(ctx, "a comparison must compare one queryable with a literal");
            }
            String name = queryable(property.propertyName());
            String value = string(literal);
            String known = op.equals("=") || op.equals("<>") ? known(name, literal, value) : value;
            return switch (op) {
                case "=" -> select(ctx, name, known::equals);
                case "<>" -> select(ctx, name, v -> !v.equals(known));
                case "<" -> select(ctx, name, v -> v.compareTo(value) < 0);
                case "<=" -> select(ctx, name, v -> v.compareTo(value) <= 0);
                case ">" -> select(ctx, name, v -> v.compareTo(value) > 0);
                default -> select(ctx, name, v -> v.compareTo(value) >= 0);
            };
        }

        @Override
        public ItemsFilter visitInList(Cql2Parser.InListContext ctx) {
            String name = queryable(ctx.propertyName());
            Set<String> listed = new LinkedHashSet<>();
            for (Cql2Parser.ScalarContext s : ctx.scalar()) {
                if (s.propertyName() != null) {
                    throw unsupported(s, "IN lists literals, not properties");
                }
                listed.add(known(name, s, string(s)));
            }
            boolean not = ctx.NOT() != null;
            return select(ctx, name, v -> listed.contains(v) != not);
        }

        @Override
        public ItemsFilter visitBetween(Cql2Parser.BetweenContext ctx) {
            String name = queryable(ctx.propertyName());
            if (ctx.low.propertyName() != null || ctx.high.propertyName() != null) {
                throw unsupported(ctx, "BETWEEN takes literal bounds");
            }
            String low = string(ctx.low);
            String high = string(ctx.high);
            boolean not = ctx.NOT() != null;
            return select(ctx, name, v -> (v.compareTo(low) >= 0 && v.compareTo(high) <= 0) != not);
        }

        @Override
        public ItemsFilter visitIntersects(Cql2Parser.IntersectsContext ctx) {
            if (!name(ctx.propertyName()).equals(GEOMETRY)) {
                throw unsupported(ctx.propertyName(), "S_INTERSECTS applies to the geometry property");
            }
            Cql2Parser.BboxContext b = ctx.bbox();
            double[] v = b.NUMBER().stream().mapToDouble(n -> Double.parseDouble(n.getText())).toArray();
            if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[1] > v[3]) {
                throw unsupported(b, "BBOX must be minLon,minLat,maxLon,maxLat within -180..180 / -90..90 "
                        + "with minLat <= maxLat");
            }
            // A box whose west edge is east of its east edge crosses the antimeridian: two boxes.
            List<Envelope> boxes = v[0] <= v[2] ? List.of(new Envelope(v[0], v[2], v[1], v[3]))
                    : List.of(new Envelope(v[0], 180, v[1], v[3]), new Envelope(-180, v[2], v[1], v[3]));
            return new ItemsFilter(Map.of(), Optional.of(boxes));
        }

        /** The queryable's enumerated values passing the test, as a one-property filter. */
        private ItemsFilter select(ParserRuleContext ctx, String name, Predicate<String> keep) {
            List<String> values = queryables.get(name).values();
            if (values.isEmpty()) {
                throw unsupported(ctx, "'" + name + "' takes = and IN only (its values are not enumerated)");
            }
            Set<String> kept = new LinkedHashSet<>();
            values.stream().filter(keep).forEach(kept::add);
            return new ItemsFilter(Map.of(name, kept), Optional.empty());
        }

        /** An = or IN value, which like the {@code name=value} parameter must be one the queryable has. */
        private String known(String name, ParserRuleContext at, String value) {
            List<String> values = queryables.get(name).values();
            if (!values.isEmpty() && !values.contains(value)) {
                throw unsupported(at, "'" + value + "' is not a value of " + name + "; accepted: "
                        + String.join(", ", values));
            }
            return value;
        }

        private String queryable(Cql2Parser.PropertyNameContext ctx) {
            String name = name(ctx);
            if (!queryables.containsKey(name)) {
                Set<String> accepted = new TreeSet<>(queryables.keySet());
                throw unsupported(ctx, "'" + name + "' is not a queryable of this collection; queryables: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted))
                        + (name.equals(GEOMETRY) ? " (geometry goes in S_INTERSECTS)" : ""));
            }
            return name;
        }

        private static String name(Cql2Parser.PropertyNameContext ctx) {
            String t = ctx.getText();
            return ctx.QUOTED_IDENTIFIER() != null ? t.substring(1, t.length() - 1) : t;
        }

        private String string(Cql2Parser.ScalarContext literal) {
            if (literal.STRING() == null) {
                throw unsupported(literal, "the queryables are strings: compare them with a quoted 'string'");
            }
            String t = literal.STRING().getText();
            return t.substring(1, t.length() - 1).replace("''", "'");
        }

        private InvalidInputException unsupported(ParserRuleContext ctx, String why) {
            Token start = ctx.getStart();
            Token stop = ctx.getStop();
            String part = text.substring(start.getStartIndex(), stop.getStopIndex() + 1);
            return new InvalidInputException("filter: unsupported at column " + (start.getCharPositionInLine() + 1)
                    + " near \"" + part + "\": " + why);
        }
    }
}
