/**
 * Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.200): an investigator signs one visit or a whole
 * casebook with their password entered again. A signature shows the printed name, the time and its meaning, and is
 * linked to the data it covers by the audit chain position at signing and a hash of that data; any later change to
 * the data shows the signature as invalidated, with the change that broke it, until the investigator signs again.
 */
package org.stimtrial.signature;
