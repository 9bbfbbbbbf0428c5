/**
 * What councillors and the public may learn: one {@link uk.safermap.privacy.DisclosurePolicy}
 * that every aggregate answer goes through. Depends on the domain and JTS only, so the services
 * of every capability can ask it.
 */
package uk.safermap.privacy;
