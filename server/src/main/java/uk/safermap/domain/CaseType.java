package uk.safermap.domain;

/**
 * A council case type of the {@link CouncilTaxonomy}: fly-tipping, dog fouling and the like,
 * beside the 14 police categories.
 *
 * @param slug   the API name, e.g. {@code fly-tipping}
 * @param label  the name shown to people
 * @param colour the viewer's colour, {@code #rrggbb}
 */
public record CaseType(String slug, String label, String colour) {

    public CaseType {
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 40) {
            throw new IllegalArgumentException("a case type slug is lower-case words joined by hyphens, "
                    + "at most 40 characters; got '" + slug + "'");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("case type " + slug + " needs a label");
        }
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("case type " + slug + ": colour must be #rrggbb, got '" + colour + "'");
        }
    }
}
