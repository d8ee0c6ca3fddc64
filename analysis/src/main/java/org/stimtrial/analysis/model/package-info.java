/**
 * Model specification: lme4-style formulas, the rows a model uses, factor coding, and design matrices whose column
 * names are exactly R's ({@code armbupropion:week}).
 */
package org.stimtrial.analysis.model;
