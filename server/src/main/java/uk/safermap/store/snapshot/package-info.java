/** The incidents analyses read, held once in memory as primitive columns and kept current by imports. */
package uk.safermap.store.snapshot;
