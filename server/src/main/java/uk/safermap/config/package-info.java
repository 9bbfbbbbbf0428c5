/** Configuration: defaults in code, overridden by a config file, overridden by the environment; read once by {@code App}. */
package uk.safermap.config;
