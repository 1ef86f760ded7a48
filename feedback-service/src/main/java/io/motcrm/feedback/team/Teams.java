package io.motcrm.feedback.team;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.cases.CaseStatus;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;

/**
 * Who works a case: the owner a new case is given, who may change a case, who it escalates to. Owners
 * and escalation targets are always people of the staff directory, never made-up names.
 */
@ApplicationScoped
public class Teams {

    @Inject
    FeedbackConfig config;

    /**
     * The owner of a new case of {@code teamCode}: an active agent of the team (any active member when it has
     * no agents) chosen by {@code motcrm.feedback.assignment}; the team's supervisor when it has no active
     * member; empty (the team's queue) when there is no team or nobody in it. The team row stays locked
     * until the case commits, so concurrent cases of one team are assigned one after the other, each seeing
     * the others' open cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> assignOwner(String teamCode) {
        Optional<Team> locked = Team.lock(teamCode);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Team team = locked.get();
        List<StaffMember> active = team.members.isEmpty() ? List.of()
                : StaffMember.<StaffMember>list("login in ?1 and active = true order by login", team.members);
        List<String> agents = active.stream().filter(m -> Roles.AGENT.equals(m.role)).map(m -> m.login).toList();
        List<String> candidates = agents.isEmpty() ? active.stream().map(m -> m.login).toList() : agents;
        if (candidates.isEmpty()) {
            return StaffMember.active(team.supervisor).map(supervisor -> supervisor.login);
        }
        String chosen = switch (config.assignment()) {
            case ROUND_ROBIN -> candidates.get((int) (team.assignedCount % candidates.size()));
            case LEAST_LOADED -> leastLoaded(candidates);
        };
        team.assignedCount++;
        return Optional.of(chosen);
    }

    private static String leastLoaded(List<String> candidates) {
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : SupportCase.getEntityManager().createQuery(
                "select c.ownerName, count(c) from SupportCase c where c.ownerName in ?1 and c.status not in ?2 "
                        + "group by c.ownerName", Object[].class)
                .setParameter(1, candidates).setParameter(2, List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED))
                .getResultList()) {
            open.put((String) row[0], (Long) row[1]);
        }
        return candidates.stream().min(Comparator.comparing((String login) -> open.getOrDefault(login, 0L))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** The escalation chain of a team's cases: its supervisor, then the levels above (active people only). */
    public List<String> chain(String teamCode) {
        return Team.find(teamCode).map(Team::chain).orElse(List.of()).stream()
                .filter(login -> StaffMember.active(login).isPresent()).toList();
    }

    /**
     * 403 {@code not-case-owner} unless the caller may change the case: its owner, a supervisor of its team
     * (the supervisor or anyone on the escalation chain) or an admin. For a case of a team that is not in
     * the directory, supervisors and admins may.
     */
    public void requireMayChange(SupportCase item, Caller caller) {
        if (mayChange(item, caller)) {
            return;
        }
        List<String> supervisors = Team.find(item.team).map(Team::chain).orElse(List.of());
        String who = (item.ownerName == null ? "" : "the case's owner (" + item.ownerName + "), ")
                + (supervisors.isEmpty() ? "supervisors" : "the supervisors of team " + item.team + " (" + String.join(", ", supervisors) + ")")
                + " and admins";
        throw new ProblemException(FeedbackProblem.NOT_CASE_OWNER, "Only " + who + " may change this case"
                + (item.ownerName == null ? "; a member of team " + item.team + " may take it first" : ""))
                .with("owner", item.ownerName).with("teamSupervisors", supervisors);
    }

    public boolean mayChange(SupportCase item, Caller caller) {
        if (caller.hasRole(Roles.ADMIN) || caller.name().equals(item.ownerName)) {
            return true;
        }
        Optional<Team> team = Team.find(item.team);
        if (team.isEmpty()) {
            return caller.hasRole(Roles.SUPERVISOR);
        }
        return team.get().chain().contains(caller.name());
    }

    /**
     * A member of the case's team may take an unowned case (assign it to themselves); anything else needs
     * {@link #requireMayChange}.
     */
    public void requireMayAssign(SupportCase item, String newOwner, Caller caller) {
        boolean takesQueuedCase = item.ownerName == null && caller.name().equals(newOwner)
                && Team.find(item.team).map(team -> team.members.contains(newOwner)).orElse(false);
        if (!takesQueuedCase) {
            requireMayChange(item, caller);
        }
    }

    /**
     * 422 unless {@code login} may own a case of {@code teamCode}: an active person of the staff directory
     * ({@code unknown-owner}) who is a member or the supervisor of the team ({@code owner-not-in-team}); for
     * a team not in the directory, any active person.
     */
    public StaffMember requireEligibleOwner(String teamCode, String login) {
        StaffMember owner = StaffMember.active(login).orElseThrow(() -> new ProblemException(FeedbackProblem.UNKNOWN_OWNER,
                "'" + login + "' is not an active person of the staff directory"));
        Optional<Team> team = Team.find(teamCode);
        if (team.isPresent() && !team.get().members.contains(login) && !login.equals(team.get().supervisor)) {
            throw new ProblemException(FeedbackProblem.OWNER_NOT_IN_TEAM, "'" + login + "' is neither a member nor the "
                    + "supervisor of team " + teamCode).with("eligible", eligible(team.get()));
        }
        return owner;
    }

    private static List<String> eligible(Team team) {
        java.util.TreeSet<String> eligible = new java.util.TreeSet<>(team.members);
        if (team.supervisor != null) {
            eligible.add(team.supervisor);
        }
        return List.copyOf(eligible);
    }
}
