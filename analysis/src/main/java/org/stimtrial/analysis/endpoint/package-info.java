/** Trial endpoints from urine screens: TES, weekly and end-of-treatment abstinence, and their rank tests. */
package org.stimtrial.analysis.endpoint;
