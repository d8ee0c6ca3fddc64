package org.stimtrial.randomization;

/** How a study allocates: a stratified permuted-block list generated in advance, or minimization at each entry. */
public enum SchemeMethod {
    PERMUTED_BLOCKS, MINIMIZATION
}
