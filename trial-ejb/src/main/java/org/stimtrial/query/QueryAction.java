package org.stimtrial.query;

import java.util.EnumSet;
import java.util.Set;

/** What a message on a query does to its status. */
public enum QueryAction {
    RAISE, COMMENT, ANSWER, CLOSE, REOPEN;

    /** The statuses in which this action is allowed. */
    public Set<QueryStatus> allowedFrom() {
        return switch (this) {
            case RAISE -> EnumSet.noneOf(QueryStatus.class);
            case COMMENT -> EnumSet.of(QueryStatus.OPEN, QueryStatus.ANSWERED);
            case ANSWER -> EnumSet.of(QueryStatus.OPEN);
            case CLOSE -> EnumSet.of(QueryStatus.OPEN, QueryStatus.ANSWERED);
            case REOPEN -> EnumSet.of(QueryStatus.ANSWERED, QueryStatus.CLOSED);
        };
    }

    /**
     * What a role may post on a query: site staff answer and comment; data managers close, reopen and comment
     * (they raise queries through their own action).
     */
    public static Set<QueryAction> allowedFor(boolean dataManager) {
        return dataManager ? EnumSet.of(CLOSE, REOPEN, COMMENT) : EnumSet.of(ANSWER, COMMENT);
    }

    public QueryStatus resultingStatus(QueryStatus current) {
        return switch (this) {
            case RAISE, REOPEN -> QueryStatus.OPEN;
            case COMMENT -> current;
            case ANSWER -> QueryStatus.ANSWERED;
            case CLOSE -> QueryStatus.CLOSED;
        };
    }
}
