package io.motcrm.feedback.touchpoint;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A moment of truth on the MOT map, owned by a team. */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JourneyStage stage;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The version of its public links: links of an earlier version are revoked. */
    @Column(name = "link_version", nullable = false)
    public int linkVersion = 1;

    @Version
    public long version;

    public static Optional<Touchpoint> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static Touchpoint byCode(String code) {
        return findByCode(code).orElseThrow(() -> new ProblemException(FeedbackProblem.TOUCHPOINT_NOT_FOUND,
                "No touchpoint has the code '" + code + "'"));
    }

    public TouchpointView view() {
        return new TouchpointView(code, name, channel, stage, team, active, linkVersion, createdAt, updatedAt);
    }
}
