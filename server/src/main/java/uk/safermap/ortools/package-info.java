/**
 * Google OR-Tools, loaded one way for the solvers that use it (patrol routing, the exact MCLP,
 * the doorbell allocation). No SQL, HTTP or JSON, and no other SaferMap package.
 */
package uk.safermap.ortools;
