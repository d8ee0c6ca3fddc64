/**
 * Craving instruments as data: the 0-100 craving visual analogue scale, the Brief Substance Craving Scale and the
 * four-subscale amphetamine craving questionnaire (desire to use, anticipated positive outcomes, anticipated relief
 * from negative states, lack of control), with their response ranges and scoring rules.
 */
package org.stimtrial.instrument;
