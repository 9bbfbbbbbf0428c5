package uk.safermap.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 14 data.police.uk crime categories (API slugs), the vocabulary every incident is
 * normalised to. Each carries its police.uk CSV label; {@link #fromLabel} also accepts the slug
 * and the labels council case systems commonly use.
 */
public enum Category {
    ANTI_SOCIAL_BEHAVIOUR("anti-social-behaviour", "Anti-social behaviour"),
    BICYCLE_THEFT("bicycle-theft", "Bicycle theft"),
    BURGLARY("burglary", "Burglary"),
    CRIMINAL_DAMAGE_ARSON("criminal-damage-arson", "Criminal damage and arson"),
    DRUGS("drugs", "Drugs"),
    OTHER_THEFT("other-theft", "Other theft"),
    POSSESSION_OF_WEAPONS("possession-of-weapons", "Possession of weapons"),
    PUBLIC_ORDER("public-order", "Public order"),
    ROBBERY("robbery", "Robbery"),
    SHOPLIFTING("shoplifting", "Shoplifting"),
    THEFT_FROM_THE_PERSON("theft-from-the-person", "Theft from the person"),
    VEHICLE_CRIME("vehicle-crime", "Vehicle crime"),
    VIOLENT_CRIME("violent-crime", "Violence and sexual offences"),
    OTHER_CRIME("other-crime", "Other crime");

    private static final Map<String, Category> BY_KEY = new HashMap<>();
    /** Exact slugs: whole-table reads map one per row. */
    private static final Map<String, Category> BY_SLUG = new HashMap<>();

    static {
        for (Category c : values()) {
            BY_SLUG.put(c.slug, c);
            BY_KEY.put(key(c.slug), c);
            BY_KEY.put(key(c.label), c);
        }
        // Older police.uk labels and common council case-system wording.
        alias("Violent crime", VIOLENT_CRIME);
        alias("Violence against the person", VIOLENT_CRIME);
        alias("Sexual offences", VIOLENT_CRIME);
        alias("Domestic abuse", VIOLENT_CRIME);
        alias("Assault", VIOLENT_CRIME);
        alias("ASB", ANTI_SOCIAL_BEHAVIOUR);
        alias("Antisocial behaviour", ANTI_SOCIAL_BEHAVIOUR);
        alias("Nuisance", ANTI_SOCIAL_BEHAVIOUR);
        alias("Noise", ANTI_SOCIAL_BEHAVIOUR);
        alias("Fly-tipping", CRIMINAL_DAMAGE_ARSON);
        alias("Fly tipping", CRIMINAL_DAMAGE_ARSON);
        alias("Graffiti", CRIMINAL_DAMAGE_ARSON);
        alias("Criminal damage", CRIMINAL_DAMAGE_ARSON);
        alias("Arson", CRIMINAL_DAMAGE_ARSON);
        alias("Vandalism", CRIMINAL_DAMAGE_ARSON);
        alias("Public disorder and weapons", PUBLIC_ORDER);
        alias("Theft from vehicle", VEHICLE_CRIME);
        alias("Theft of vehicle", VEHICLE_CRIME);
        alias("Drug dealing", DRUGS);
        alias("Drug use", DRUGS);
    }

    private final String slug;
    private final String label;

    Category(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    /** Matches a slug, a police.uk label or a known alias, ignoring case, spaces and punctuation. */
    public static Optional<Category> fromLabel(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(text)));
    }

    /** The category with this API slug, exactly. */
    public static Optional<Category> fromSlug(String slug) {
        return Optional.ofNullable(slug == null ? null : BY_SLUG.get(slug));
    }

    private static void alias(String label, Category c) {
        BY_KEY.put(key(label), c);
    }

    /**
     * The text's ASCII letters, lower-cased. A character loop, not a regular expression: every
     * imported row's category goes through here.
     */
    private static String key(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 'a' && ch <= 'z') {
                out.append(ch);
            } else if (ch >= 'A' && ch <= 'Z') {
                out.append((char) (ch + ('a' - 'A')));
            }
        }
        return out.toString();
    }
}
