package uk.safermap.placement;

import java.util.OptionalDouble;

/**
 * A camera already installed, or one to evaluate: where (lon/lat), and optionally its own
 * range, bearing and field of view (else the request's).
 */
public record Camera(String name, double lon, double lat, OptionalDouble radius, OptionalDouble bearing,
                     OptionalDouble fieldOfView) {
}
