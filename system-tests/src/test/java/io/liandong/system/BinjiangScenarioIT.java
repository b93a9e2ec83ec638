package io.liandong.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liandong.devstack.LocalIdentity;
import io.liandong.devstack.Stack;
import io.liandong.scenario.BinjiangScenario;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Binjiang incident of DOMAIN.md played by the scenario driver against the packaged services,
 * through their public APIs only, at 30 times real speed; then every service is asked what it
 * knows, as an operator, an agency or a merchant would ask it.
 */
class BinjiangScenarioIT {

    static final int SPEED = 30;

    private static Stack stack;
    private static LocalIdentity identity;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "stack-");
        stack = Stack.builder().repoDir(Path.of("..")).dataDir(data).freePorts()
                .classArchiveDir(Path.of("target", "class-archives")).build().start();
        identity = stack.identity();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theBinjiangIncidentPlaysThroughEveryServiceToItsReview() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(printed, System.out), true, StandardCharsets.UTF_8);
        BinjiangScenario.Outcome run = new BinjiangScenario(BinjiangScenario.Options.defaults()
                .withUrls(stack.serviceUrl("grievance-service"), stack.serviceUrl("dispatch-service"),
                        stack.serviceUrl("department-service"), stack.serviceUrl("followup-service"))
                .withSpeed(SPEED).withIdentityDir(stack.dataDir().resolve("identity"))
                .withFactTimeout(Duration.ofSeconds(180)).withOut(out)).play();
        String incident = run.incidentId();

        // grievance-service: six merchants' grievances, linked to the incident, answered as resolved.
        assertThat(run.grievanceIds()).hasSize(6);
        for (String g : run.grievanceIds()) {
            JsonPath grievance = as("city-command-hq", "hq-operator").get(url("grievance-service", "/api/v1/grievances/" + g))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(grievance.getString("incidentId")).isEqualTo(incident);
            assertThat(grievance.getString("status")).isEqualTo("resolved");
            assertThat(grievance.getString("closeReason")).contains("租金分期上调");
            assertThat(grievance.getList("progress")).hasSizeGreaterThan(3);
        }

        // dispatch-service: the surge's proposal accepted, four agencies, the late one breached and escalated, closed.
        RequestSpecification hq = as("city-command-hq", "hq-operator");
        JsonPath proposal = hq.get(url("dispatch-service", "/api/v1/incident-proposals/" + run.proposalId())).then()
                .statusCode(200).extract().jsonPath();
        assertThat(proposal.getString("status")).isEqualTo("accepted");
        assertThat(proposal.getString("incidentId")).isEqualTo(incident);
        assertThat(proposal.getList("grievanceIds", String.class)).isSubsetOf(run.grievanceIds()).hasSizeGreaterThanOrEqualTo(5);
        JsonPath inc = hq.get(url("dispatch-service", "/api/v1/incidents/" + incident)).then().statusCode(200).extract().jsonPath();
        assertThat(inc.getString("status")).isEqualTo("closed");
        assertThat(inc.getString("incidentType")).isEqualTo("commercial-dispute");
        assertThat(inc.getString("origin")).isEqualTo("surge");
        assertThat(inc.getString("playbookVersion")).isEqualTo("key-areas-standard@1/scenario-x" + SPEED);
        assertThat(run.agencyByRole()).containsExactlyInAnyOrderEntriesOf(Map.of("police", "police-binjiang-branch",
                "competent-department", "commerce-bureau", "community-committee", "community-binjiang-xixing",
                "health-commission", "health-commission"));
        assertThat(run.lateRole()).isEqualTo("community-committee");
        List<Map<String, Object>> assignments = hq.get(url("dispatch-service", "/api/v1/incidents/" + incident + "/assignments"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(assignments).hasSize(4).allSatisfy(a -> assertThat(a.get("status")).isEqualTo("released"));
        Map<String, Object> late = assignments.stream().filter(a -> a.get("agencyRole").equals("community-committee")).findFirst().orElseThrow();
        assertThat(late.get("acknowledgeBreached")).isEqualTo(true);
        assertThat((Integer) late.get("escalationLevel")).isGreaterThanOrEqualTo(1);
        assertThat(late.get("acknowledgedAt")).isNotNull();
        List<String> done = hq.get(url("dispatch-service", "/api/v1/incidents/" + incident + "/milestones")).then().statusCode(200)
                .extract().jsonPath().getList("milestones.code", String.class);
        assertThat(done).contains("cordon-set", "core-parties-isolated", "scene-under-control", "onlookers-dispersed",
                "medical-post-up", "demands-collected");
        assertThat(hq.get(url("dispatch-service", "/api/v1/incidents/" + incident + "/performance")).then().statusCode(200)
                .extract().jsonPath().getString("goldenPeriod.compliance")).isEqualTo("met");
        // The playbook the HQ normally runs is back.
        assertThat(as("city-command-hq", "platform-admin").get(url("dispatch-service", "/api/v1/admin/playbook")).then()
                .statusCode(200).extract().jsonPath().getString("version.version")).isEqualTo("key-areas-standard@1");

        // department-service: the commerce bureau's two mediations, failed then agreed on the four commitments.
        List<Map<String, Object>> mediations = as("commerce-bureau", "agency-officer")
                .get(url("department-service", "/api/v1/mediations?incidentId=" + incident)).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(mediations).extracting(m -> m.get("status")).containsExactlyInAnyOrder("failed", "agreed");
        JsonPath agreed = as("commerce-bureau", "agency-officer")
                .get(url("department-service", "/api/v1/mediations/" + run.agreedMediationId())).then().statusCode(200)
                .extract().jsonPath();
        assertThat(agreed.getList("agreement.commitments")).hasSize(4);
        assertThat(agreed.getList("agreement.linkedGrievanceIds", String.class)).containsExactlyInAnyOrderElementsOf(run.grievanceIds());
        assertThat(agreed.getString("agreement.commitments[2].action")).contains("快速响应渠道");
        JsonPath failed = as("commerce-bureau", "agency-officer")
                .get(url("department-service", "/api/v1/mediations/" + run.failedMediationId())).then().statusCode(200)
                .extract().jsonPath();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("proposals[0].status")).isEqualTo("rejected");

        // followup-service: one item verified, one overdue and escalated; the failed round left a "mediate again" plan.
        JsonPath verified = hq.get(url("followup-service", "/api/v1/followup-items/" + run.verifiedItemId())).then().statusCode(200)
                .extract().jsonPath();
        assertThat(verified.getString("status")).isEqualTo("verified");
        assertThat(verified.getString("responsibleAgencyId")).isEqualTo("commerce-bureau");
        JsonPath overdue = hq.get(url("followup-service", "/api/v1/followup-items/" + run.overdueItemId())).then().statusCode(200)
                .extract().jsonPath();
        assertThat(overdue.getBoolean("overdue")).isTrue();
        assertThat(overdue.getInt("escalationLevel")).isGreaterThanOrEqualTo(1);
        assertThat(overdue.getString("status")).isEqualTo("pending");
        List<Map<String, Object>> plans = hq.get(url("followup-service", "/api/v1/incidents/" + incident + "/followup-plans"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        // the agreement's plan: the staged rent (3) + fee (6) + channel (1) + consultation (12) items
        assertThat(plans).filteredOn(p -> run.agreementId().equals(p.get("sourceId")))
                .singleElement().satisfies(p -> assertThat((List<?>) p.get("items")).hasSize(3 + 6 + 1 + 12));
        assertThat(plans).flatExtracting(p -> (List<?>) p.get("items")).extracting(i -> ((Map<?, ?>) i).get("action").toString())
                .anySatisfy(action -> assertThat(action).startsWith("mediate again within 3 days"));

        // The after-action review: each agency against its limits, the late one's breach, two rounds, the commitments.
        JsonNode review = run.review();
        assertThat(review.path("incidentId").asText()).isEqualTo(incident);
        assertThat(review.path("agencies")).hasSize(4);
        JsonNode community = null;
        for (JsonNode a : review.path("agencies")) {
            assertThat(a.path("acknowledgedAfterSeconds").isNumber()).as("%s acknowledged", a.path("agencyId")).isTrue();
            assertThat(a.path("onSceneAfterSeconds").isNumber()).as("%s arrived", a.path("agencyId")).isTrue();
            if (a.path("agencyId").asText().equals("community-binjiang-xixing")) {
                community = a;
            }
        }
        assertThat(community).isNotNull();
        assertThat(community.path("acknowledgedAfterSeconds").asLong()).isGreaterThanOrEqualTo(community.path("acknowledgeLimitSeconds").asLong());
        assertThat(community.path("acknowledgeLimitSeconds").asLong()).isEqualTo(300 / SPEED);
        assertThat(community.path("breaches").toString()).contains("acknowledge");
        // Scene control against the golden period of the playbook the incident was handled under (10 min / SPEED).
        assertThat(review.path("goldenPeriod").path("targetSeconds").asLong()).isEqualTo(600 / SPEED);
        assertThat(review.path("goldenPeriod").path("compliance").asText()).isEqualTo("met");
        assertThat(review.path("breachCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(review.path("mediationRounds").asInt()).isEqualTo(2);
        assertThat(review.path("commitments").findValuesAsText("itemId")).contains(run.verifiedItemId(), run.overdueItemId());
        for (JsonNode c : review.path("commitments")) {
            if (c.path("itemId").asText().equals(run.verifiedItemId())) {
                assertThat(c.path("status").asText()).isEqualTo("verified");
            }
            if (c.path("itemId").asText().equals(run.overdueItemId())) {
                assertThat(c.path("overdue").asBoolean()).isTrue();
            }
        }
        // The printable review, for the HQ's meeting.
        String html = hq.accept("text/html").get(url("followup-service", "/api/v1/incidents/" + incident + "/review"))
                .then().statusCode(200).extract().asString();
        assertThat(html).contains(incident, "community-binjiang-xixing");

        // What the driver printed tells the story step by step.
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("surge warning", "breached its acknowledgement limit",
                "failed", "agreement", "verifies it", "overdue", "closes incident", "after-action review");
    }

    private static RequestSpecification as(String agency, String... roles) {
        return given().header("Authorization", "Bearer " + identity.token(agency, roles));
    }

    private static String url(String service, String path) {
        return stack.serviceUrl(service) + path;
    }

    /** Prints to the build log as well as into the buffer the test reads. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
