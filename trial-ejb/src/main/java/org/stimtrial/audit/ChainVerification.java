package org.stimtrial.audit;

import java.util.Optional;

/**
 * The outcome of checking the audit hash chain: how many records were checked and, if the chain is broken, the first
 * record at which it breaks and why.
 */
public record ChainVerification(long recordsChecked, Optional<Long> firstBrokenSeq, Optional<String> problem) {
    public static ChainVerification intact(long recordsChecked) {
        return new ChainVerification(recordsChecked, Optional.empty(), Optional.empty());
    }

    public static ChainVerification broken(long recordsChecked, long seq, String problem) {
        return new ChainVerification(recordsChecked, Optional.of(seq), Optional.of(problem));
    }

    public boolean isIntact() {
        return firstBrokenSeq.isEmpty();
    }
}
