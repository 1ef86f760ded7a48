package io.motcrm.feedback.stream;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the live stream's log; its id is the SSE event id clients resume from. */
@Entity
@Table(name = "mot_event")
public class MotEvent extends PanacheEntityBase {

    public enum Kind {
        FEEDBACK_RECEIVED, CASE_OPENED, CASE_UPDATED, SLA_BREACHED, CASE_ESCALATED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String kind;

    public String team;

    /** JSON; ids and scores only, never customer text. */
    @Column(nullable = false)
    public String payload;

    public static List<MotEvent> after(long lastId, String team, int limit) {
        if (team == null) {
            return find("id > ?1 order by id", lastId).page(0, limit).list();
        }
        return find("id > ?1 and team = ?2 order by id", lastId, team).page(0, limit).list();
    }
}
