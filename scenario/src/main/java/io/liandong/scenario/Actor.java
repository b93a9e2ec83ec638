package io.liandong.scenario;

import io.liandong.devstack.LocalIdentity;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * Someone the scenario acts as: an agency (or none, for a member of the public) with the roles
 * of its token. Tokens come from the local identity provider and last longer than any run.
 */
final class Actor {

    private final String agency;
    private final List<String> roles;
    private final String token;

    private Actor(String agency, List<String> roles, String token) {
        this.agency = agency;
        this.roles = roles;
        this.token = token;
    }

    static Actor of(LocalIdentity identity, String agency, String... roles) {
        return new Actor(agency, List.of(roles), identity.token(agency, roles));
    }

    String agency() {
        return agency;
    }

    List<String> roles() {
        return roles;
    }

    String token() {
        return token;
    }

    HttpRequest.Builder sign(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }
}
