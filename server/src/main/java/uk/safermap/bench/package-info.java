/** Benchmark harnesses; each measures a peer in the same run and reports ratios. */
package uk.safermap.bench;
