/**
 * Council case types beside the police categories (fly-tipping, dog fouling, ...): their hot spots.
 * Ward figures for councillors are in {@link uk.safermap.councillor}.
 */
package uk.safermap.council;
