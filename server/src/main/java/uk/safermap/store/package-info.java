/** Store interfaces returning domain records; implementations live in {@code store.jdbc}. */
package uk.safermap.store;
