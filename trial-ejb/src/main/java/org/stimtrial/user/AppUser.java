package org.stimtrial.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.stimtrial.study.Site;

/** A person who logs in, with a PBKDF2 password hash (never the password) and their roles. */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    private String username;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "app_user_site", joinColumns = @JoinColumn(name = "username"),
            inverseJoinColumns = @JoinColumn(name = "site_id"))
    private Set<Site> sites = new HashSet<>();

    protected AppUser() {
    }

    public AppUser(String username, String fullName, String passwordHash, Set<Role> roles) {
        this.username = Objects.requireNonNull(username);
        this.fullName = Objects.requireNonNull(fullName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = new HashSet<>(roles);
        this.active = true;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isActive() {
        return active;
    }

    /** The PBKDF2 hash, for re-checking a password the user re-enters to sign or unblind. */
    String passwordHash() {
        return passwordHash;
    }

    /** The sites a coordinator or investigator works at ({@code STUDY/SITE} codes). */
    public Set<String> siteKeys() {
        Set<String> keys = new HashSet<>();
        sites.forEach(s -> keys.add(SiteScope.key(s.study().protocolCode(), s.code())));
        return keys;
    }

    /** Assigns the user to a site (administration and the demo users). */
    public void assign(Site site) {
        sites.add(site);
    }
}
