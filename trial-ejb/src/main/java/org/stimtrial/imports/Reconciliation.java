package org.stimtrial.imports;

/** A batch's reconciliation: records received, and how many were accepted, quarantined, duplicates or conflicts. */
public record Reconciliation(int received, int accepted, int quarantined, int duplicates, int conflicts) {
    public Reconciliation {
        if (accepted + quarantined + duplicates + conflicts != received) {
            throw new IllegalArgumentException("every received record must be accounted for exactly once");
        }
    }

    static Reconciliation count(Iterable<RecordStatus> outcomes) {
        int a = 0;
        int q = 0;
        int d = 0;
        int c = 0;
        for (RecordStatus s : outcomes) {
            switch (s) {
                case ACCEPTED, CORRECTED -> a++;
                case QUARANTINED -> q++;
                case DUPLICATE -> d++;
                case CONFLICT -> c++;
                default -> throw new IllegalArgumentException(s.name());
            }
        }
        return new Reconciliation(a + q + d + c, a, q, d, c);
    }
}
