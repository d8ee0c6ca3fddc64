package org.stimtrial.user;

/** The roles of the trial. The arm is visible to {@link #UNBLINDED_STATISTICIAN} only. */
public enum Role {
    COORDINATOR, INVESTIGATOR, DATA_MANAGER, STATISTICIAN, UNBLINDED_STATISTICIAN, SPONSOR, ADMINISTRATOR;

    /** Roles that enter clinical data at their sites. */
    public static final String[] DATA_ENTRY = {"COORDINATOR", "INVESTIGATOR"};
}
