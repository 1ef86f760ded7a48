package io.motcrm.feedback.team;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.ListIndexBase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A team that owns touchpoints ({@code touchpoint.team} is its code): its members work the cases of its
 * touchpoints, its supervisor is the first escalation, {@link #escalation} the levels above.
 */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** Login of the team's supervisor; null while the team has none. */
    public String supervisor;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_member", joinColumns = @JoinColumn(name = "team_code"))
    @Column(name = "login")
    public Set<String> members = new TreeSet<>();

    /** Logins above the supervisor, in escalation order. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_escalation", joinColumns = @JoinColumn(name = "team_code"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "login")
    public List<String> escalation = new ArrayList<>();

    @Column(name = "first_response_target_seconds")
    public Long firstResponseTargetSeconds;

    @Column(name = "resolution_target_seconds")
    public Long resolutionTargetSeconds;

    /** Cases given to the team so far (the round robin's position). */
    @Column(name = "assigned_count", nullable = false)
    public long assignedCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Team> find(String code) {
        return code == null ? Optional.empty() : findByIdOptional(code);
    }

    /** The team, locked for the rest of the transaction (one assignment at a time per team). */
    public static Optional<Team> lock(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(findById(code, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Who cases of this team escalate to, in order: the supervisor, then the chain above. */
    public List<String> chain() {
        List<String> chain = new ArrayList<>();
        if (supervisor != null) {
            chain.add(supervisor);
        }
        escalation.stream().filter(login -> !chain.contains(login)).forEach(chain::add);
        return chain;
    }

    public Optional<Duration> firstResponseTarget() {
        return Optional.ofNullable(firstResponseTargetSeconds).map(Duration::ofSeconds);
    }

    public Optional<Duration> resolutionTarget() {
        return Optional.ofNullable(resolutionTargetSeconds).map(Duration::ofSeconds);
    }

    public TeamViews.TeamView view() {
        return new TeamViews.TeamView(code, name, supervisor, List.copyOf(new TreeSet<>(members)), List.copyOf(escalation),
                firstResponseTarget().map(Duration::toString).orElse(null), resolutionTarget().map(Duration::toString).orElse(null));
    }
}
