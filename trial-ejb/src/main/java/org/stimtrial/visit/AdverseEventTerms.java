package org.stimtrial.visit;

/** Coded attributes of an adverse event. */
public final class AdverseEventTerms {
    private AdverseEventTerms() {
    }

    /** Causal relationship to the study drug, as judged by the investigator. */
    public enum Relatedness {
        NOT_RELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE
    }

    /** Action taken with the study drug. */
    public enum ActionTaken {
        NONE, DOSE_REDUCED, INTERRUPTED, WITHDRAWN, NOT_APPLICABLE
    }

    /** Outcome of the event. */
    public enum Outcome {
        RECOVERED, RECOVERING, NOT_RECOVERED, RECOVERED_WITH_SEQUELAE, FATAL, UNKNOWN
    }
}
