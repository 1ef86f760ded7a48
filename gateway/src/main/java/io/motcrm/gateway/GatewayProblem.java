package io.motcrm.gateway;

import io.motcrm.platform.problem.ProblemType;

/** Problems only the gateway answers with; the common ones come from the platform. */
public enum GatewayProblem implements ProblemType {
    UPSTREAM_UNAVAILABLE("upstream-unavailable", "The service behind this route cannot be reached", 502),
    UPSTREAM_SUSPENDED("upstream-suspended",
            "The service behind this route has been failing; the gateway is not sending it requests for a moment", 503),
    UPSTREAM_TIMEOUT("upstream-timeout", "The service behind this route did not answer in time", 504),
    EXPORT_INCOMPLETE("export-incomplete",
            "Not every service could contribute to the export; an incomplete export is not given out", 503),
    ACCESS_PURPOSE_REQUIRED("access-purpose-required",
            "Staff must state why they access a customer's data in the X-Access-Purpose header", 400),
    CUSTOMER_NOT_FOUND("customer-not-found", "The customer does not exist", 404);

    private final Definition definition;

    GatewayProblem(String code, String title, int status) {
        this.definition = new Definition(code, title, status);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
