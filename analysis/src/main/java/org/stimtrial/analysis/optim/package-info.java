/** Optimizers shared by the models: quasi-Newton BFGS for objectives with analytic gradients. */
package org.stimtrial.analysis.optim;
