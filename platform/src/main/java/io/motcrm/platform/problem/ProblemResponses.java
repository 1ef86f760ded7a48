package io.motcrm.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** Builds problem-details responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static Response of(ProblemType type, String detail, String instance) {
        return of(Problem.of(type, detail, instance, List.of(), Map.of()));
    }
}
