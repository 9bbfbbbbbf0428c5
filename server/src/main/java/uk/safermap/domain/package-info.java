/**
 * The values every capability shares: incidents, their time spans and categories, and areas; and
 * the typed errors a service throws when it refuses a request ({@link uk.safermap.domain.InvalidInputException},
 * {@link uk.safermap.domain.NotFoundException}, {@link uk.safermap.domain.ConflictException}), which the web
 * layer maps to a status once.
 */
package uk.safermap.domain;
