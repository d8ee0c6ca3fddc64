/**
 * Signing in: passwords checked against their PBKDF2 hashes, accounts locked after repeated failures, API bearer
 * tokens, and every success and failure written to the audit trail (21 CFR Part 11 §11.300). The web layer's
 * authentication mechanism asks this package who a caller is; it never reads a password hash itself.
 */
package org.stimtrial.login;
