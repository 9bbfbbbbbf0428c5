/** The values every capability shares: incidents, their time spans and categories, and areas. */
package uk.safermap.domain;
