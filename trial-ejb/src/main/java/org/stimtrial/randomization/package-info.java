/**
 * Which arm and which medication kit each randomized participant receives. The arm is unblinded information.
 */
package org.stimtrial.randomization;
