/** The {@code safermap} command line (picocli): serve, load, generate-sample, bench. */
package uk.safermap.cli;
