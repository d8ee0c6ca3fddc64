package org.stimtrial.user;

import java.util.Set;

/**
 * Which sites' participants a caller may see: every site (data managers, statisticians, the unblinded role) or
 * the sites a coordinator or investigator is assigned to. A participant outside the scope does not exist for the
 * caller: the answer is the same "not found" as for an unknown screening number.
 */
public record SiteScope(boolean everySite, Set<String> siteKeys) {
    public static final SiteScope ALL = new SiteScope(true, Set.of());

    public SiteScope {
        siteKeys = Set.copyOf(siteKeys);
    }

    public static SiteScope of(Set<String> siteKeys) {
        return new SiteScope(false, siteKeys);
    }

    public static String key(String protocolCode, String siteCode) {
        return protocolCode + "/" + siteCode;
    }

    public boolean allows(String protocolCode, String siteCode) {
        return everySite || siteKeys.contains(key(protocolCode, siteCode));
    }

    /** Roles limited to their assigned sites, unless they also hold a role that sees every site. */
    public static boolean isSiteLimited(Set<Role> roles) {
        boolean entersData = roles.contains(Role.COORDINATOR) || roles.contains(Role.INVESTIGATOR);
        boolean seesAll = roles.contains(Role.DATA_MANAGER) || roles.contains(Role.STATISTICIAN)
                || roles.contains(Role.UNBLINDED_STATISTICIAN);
        return entersData && !seesAll;
    }
}
