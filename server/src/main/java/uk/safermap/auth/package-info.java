/**
 * Who may do what: sign-in ({@link uk.safermap.auth.AuthService}) with bcrypt passwords and a
 * throttle, API tokens kept only as hashes ({@link uk.safermap.auth.Secrets}), the roles and the
 * access levels of routes ({@link uk.safermap.auth.Access}), and the audit trail of point reads.
 * No HTTP types here: the web layer maps requests onto these decisions.
 */
package uk.safermap.auth;
