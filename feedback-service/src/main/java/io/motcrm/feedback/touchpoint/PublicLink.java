package io.motcrm.feedback.touchpoint;

/** What a touchpoint's public feedback form is reached by: a signed token and the link carrying it. */
public record PublicLink(String touchpointCode, String token, String url) {
}
