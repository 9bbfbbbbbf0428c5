package uk.safermap.placement.mclp;

/**
 * What one camera sees, idealised: everything within {@code radius} metres, and, when the field
 * of view is under 360 degrees, only within half of it either side of the bearing. Buildings
 * and terrain are not modelled (no line of sight); reviews call fixed buffers a known weakness
 * (Murray et al. 2007), so the radius should be the range at which the camera is useful, not
 * its nominal optical range.
 */
public record Viewshed(double radius, double fieldOfView) {

    public Viewshed {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius must be positive, got " + radius);
        }
        if (!(fieldOfView > 0 && fieldOfView <= 360)) {
            throw new IllegalArgumentException("field of view must be in (0, 360] degrees, got " + fieldOfView);
        }
    }

    public static Viewshed allRound(double radius) {
        return new Viewshed(radius, 360);
    }

    public boolean isAllRound() {
        return fieldOfView >= 360;
    }

    /** Whether a camera at (cx, cy) facing {@code bearing} sees the point (px, py). */
    public boolean sees(double cx, double cy, double bearing, double px, double py) {
        double dx = px - cx;
        double dy = py - cy;
        double d2 = dx * dx + dy * dy;
        if (d2 > radius * radius) {
            return false;
        }
        if (isAllRound() || Double.isNaN(bearing) || d2 == 0) {
            return true;
        }
        double towards = Math.toDegrees(Math.atan2(dx, dy));
        double off = Math.abs(((towards - bearing) % 360 + 540) % 360 - 180);
        return off <= fieldOfView / 2;
    }
}
