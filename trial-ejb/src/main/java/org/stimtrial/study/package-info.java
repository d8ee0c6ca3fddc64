/**
 * The protocol as configuration: the study, its treatment arms (bupropion, modafinil, N-acetylcysteine, baclofen,
 * placebo), its sites with their time zones, and the visit schedule (screening, baseline, weekly visits 1-12 with two
 * urine screens a week, follow-up at week 16) with target days, windows and expected forms.
 */
package org.stimtrial.study;
