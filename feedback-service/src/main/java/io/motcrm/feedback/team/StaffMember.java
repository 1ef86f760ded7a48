package io.motcrm.feedback.team;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person who works cases; {@code login} is the token's user name (Keycloak's preferred_username). */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    public String login;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** agent, supervisor or admin. */
    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<StaffMember> active(String login) {
        return login == null ? Optional.empty()
                : StaffMember.<StaffMember>findByIdOptional(login).filter(member -> member.active);
    }

    /** Display names of the given logins (unknown logins are left out). */
    public static Map<String, String> displayNames(Collection<String> logins) {
        if (logins.isEmpty()) {
            return Map.of();
        }
        return StaffMember.<StaffMember>list("login in ?1", logins).stream()
                .collect(Collectors.toMap(member -> member.login, member -> member.displayName));
    }

    public static Optional<String> displayName(String login) {
        return login == null ? Optional.empty()
                : StaffMember.<StaffMember>findByIdOptional(login).map(member -> member.displayName);
    }

    public static List<StaffMember> all() {
        return list("order by login");
    }

    public TeamViews.Staff view() {
        return new TeamViews.Staff(login, displayName, role, active);
    }
}
