/** Dense linear-algebra kernels shared by the models (small blocks where library call overhead would dominate). */
package org.stimtrial.analysis.linalg;
