/**
 * A seeded generator of synthetic data.police.uk street-level CSV for Melton borough, with planted
 * hot spots whose centres and spreads are written to a side file, so that tests and demos can check
 * that hot spot methods find what was planted. There is no real incident data in the project; every
 * row this package writes is made up.
 *
 * <p>Entry points: {@link uk.safermap.sample.SampleGenerator} (the CSV) and
 * {@link uk.safermap.sample.HotspotsFile} (the side file). Everything else here is package-private.
 */
package uk.safermap.sample;
