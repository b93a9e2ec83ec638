package io.liandong.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.liandong.devstack.LocalIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Binjiang incident of DOMAIN.md, replayed against the running platform through its public
 * REST APIs only: merchants file grievances, the surge becomes an incident, four agencies are
 * dispatched and work their inboxes (one of them late enough to breach and be escalated), the
 * scene is brought under control, a first mediation fails and a second agrees on the four
 * commitments, one commitment is done and verified while another falls overdue and is escalated,
 * the incident is closed and its after-action review read.
 *
 * <p>Time runs {@code speed} times faster than real time: the driver installs a scaled copy of
 * the running playbook for the run (and puts the original back afterwards) and paces the story's
 * steps accordingly. It never sleeps for a fact: whatever another service has to do first
 * (a surge, an assignment in an inbox, a breach, an overdue item, a review) is polled for.
 */
public final class BinjiangScenario {

    static final String DATA = "scenario/binjiang.yaml";
    static final List<String> ROLES = List.of("police", "competent-department", "community-committee", "health-commission");

    /** Where the services are, how fast the story plays, where the identity's key is, where to print. */
    public record Options(String grievanceUrl, String dispatchUrl, String departmentUrl, String followupUrl, int speed,
                          Path identityDir, Duration factTimeout, boolean restorePlaybook, PrintStream out) {

        public Options {
            if (speed < 1) {
                throw new IllegalArgumentException("--speed must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options("http://localhost:8081", "http://localhost:8082", "http://localhost:8083",
                    "http://localhost:8084", 30, Path.of(".liandong", "identity"), Duration.ofSeconds(180), true, System.out);
        }

        public Options withUrls(String grievance, String dispatch, String department, String followup) {
            return new Options(grievance, dispatch, department, followup, speed, identityDir, factTimeout, restorePlaybook, out);
        }

        public Options withSpeed(int value) {
            return new Options(grievanceUrl, dispatchUrl, departmentUrl, followupUrl, value, identityDir, factTimeout,
                    restorePlaybook, out);
        }

        public Options withIdentityDir(Path dir) {
            return new Options(grievanceUrl, dispatchUrl, departmentUrl, followupUrl, speed, dir, factTimeout, restorePlaybook, out);
        }

        public Options withOut(PrintStream value) {
            return new Options(grievanceUrl, dispatchUrl, departmentUrl, followupUrl, speed, identityDir, factTimeout,
                    restorePlaybook, value);
        }

        public Options withFactTimeout(Duration value) {
            return new Options(grievanceUrl, dispatchUrl, departmentUrl, followupUrl, speed, identityDir, value,
                    restorePlaybook, out);
        }
    }

    /** What the run made, for whoever checks it afterwards. */
    public record Outcome(String incidentId, List<String> grievanceIds, String proposalId, String playbookVersion,
                          Map<String, String> agencyByRole, Map<String, String> assignmentByRole, String lateRole,
                          String failedMediationId, String agreedMediationId, String agreementId,
                          String verifiedItemId, String overdueItemId, JsonNode review, Duration took) {
    }

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();
    private final Api api = new Api(json);
    private final JsonNode data;
    private final LocalIdentity identity;
    private final Actor public_;
    private final Actor operator;
    private final Actor commander;
    private final Actor admin;
    private final Map<String, Actor> officers = new HashMap<>();
    private Instant started;
    /** What the last poll saw, told when a fact does not come. */
    private JsonNode lastSeen;

    public BinjiangScenario(Options options) {
        this.options = options;
        this.data = load();
        this.identity = LocalIdentity.in(options.identityDir());
        // Tokens per step (docs/scenario.md): the public files grievances and answers as beneficiary,
        // the HQ's operator and commander run dispatch, each agency's officer its own inbox.
        this.public_ = Actor.of(identity, null, "partner-intake");
        this.operator = Actor.of(identity, "city-command-hq", "hq-operator");
        this.commander = Actor.of(identity, "city-command-hq", "hq-commander", "hq-operator");
        this.admin = Actor.of(identity, "city-command-hq", "platform-admin");
    }

    public static void main(String[] args) {
        Options o = Options.defaults();
        String console = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.length ? args[i + 1] : null);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!a.contains("=") && !name.equals("--keep-playbook") && !name.equals("-h") && !name.equals("--help")) {
                i++;
            }
            switch (name) {
                case "--grievance" -> o = o.withUrls(v, o.dispatchUrl(), o.departmentUrl(), o.followupUrl());
                case "--dispatch" -> o = o.withUrls(o.grievanceUrl(), v, o.departmentUrl(), o.followupUrl());
                case "--department" -> o = o.withUrls(o.grievanceUrl(), o.dispatchUrl(), v, o.followupUrl());
                case "--followup" -> o = o.withUrls(o.grievanceUrl(), o.dispatchUrl(), o.departmentUrl(), v);
                case "--speed" -> o = o.withSpeed(Integer.parseInt(v));
                case "--identity" -> o = o.withIdentityDir(Path.of(v));
                case "--timeout" -> o = o.withFactTimeout(Duration.ofSeconds(Long.parseLong(v)));
                case "--console" -> console = v;
                case "--keep-playbook" -> o = new Options(o.grievanceUrl(), o.dispatchUrl(), o.departmentUrl(), o.followupUrl(),
                        o.speed(), o.identityDir(), o.factTimeout(), false, o.out());
                case "-h", "--help" -> {
                    System.out.println("""
                            Plays the Binjiang incident against the running platform.
                              --speed N            story time runs N times faster (default 30; 1 = real time)
                              --grievance URL      grievance-service  (default http://localhost:8081)
                              --dispatch URL       dispatch-service   (default http://localhost:8082)
                              --department URL     department-service (default http://localhost:8083)
                              --followup URL       followup-service   (default http://localhost:8084)
                              --identity DIR       the local identity's key (default .liandong/identity)
                              --timeout SECONDS    how long to wait for each fact (default 180)
                              --keep-playbook      leave the scaled playbook running afterwards
                              --console URL        print where to watch it, with a token for the HQ's console""");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
            }
        }
        try {
            BinjiangScenario scenario = new BinjiangScenario(o);
            if (console != null) {
                o.out().println("Watch it live: " + console);
                o.out().println("  as the HQ's operator, with this token (or: ./liandong token --agency city-command-hq --role hq-operator):");
                o.out().println("  " + scenario.operator.token());
            }
            scenario.play();
        } catch (ScenarioException e) {
            System.err.println("scenario stopped: " + e.getMessage());
            System.exit(1);
        }
    }

    // ---- the story -----------------------------------------------------------------------------------

    public Outcome play() {
        started = Instant.now();
        say("== %s, speed x%d ==", data.path("title").asText(), options.speed());
        awaitReady();
        String runningYaml = null;
        String version;
        try {
            String yaml = expect(api.getText(options.dispatchUrl() + "/api/v1/admin/playbook", admin, "application/yaml"),
                    "read the running playbook").text();
            String original = PlaybookScaler.unscale(yaml);
            runningYaml = original;
            if (options.speed() > 1 || PlaybookScaler.scaledSpeed(yaml) != 0) {
                String installed = options.speed() > 1 ? PlaybookScaler.scale(original, options.speed()) : original;
                expect(api.putYaml(options.dispatchUrl() + "/api/v1/admin/playbook?loadedBy=binjiang-scenario", admin,
                        installed), "install the playbook for speed x" + options.speed());
                version = PlaybookScaler.version(installed);
                say("HQ  platform admin runs playbook %s (every limit divided by %d)", version, options.speed());
            } else {
                version = PlaybookScaler.version(original);
            }
            return story(version);
        } finally {
            if (options.restorePlaybook() && runningYaml != null && options.speed() > 1) {
                Api.Reply r = api.putYaml(options.dispatchUrl() + "/api/v1/admin/playbook?loadedBy=binjiang-scenario", admin,
                        runningYaml);
                say(r.ok() ? "HQ  playbook %s runs again" : "HQ  could not put playbook %s back: " + r.text(),
                        PlaybookScaler.version(runningYaml));
            }
        }
    }

    private Outcome story(String playbookVersion) {
        // 1. Merchants file grievances through the fast response channel, minutes apart.
        Instant act = Instant.now();
        List<String> grievances = new ArrayList<>();
        for (JsonNode g : data.path("grievances")) {
            paceTo(act, Duration.parse(g.path("at").asText()));
            ObjectNode place = obj("lat", data.at("/place/lat").asDouble() + g.path("dLat").asDouble(),
                    "lon", data.at("/place/lon").asDouble() + g.path("dLon").asDouble(),
                    "address", g.path("shop").asText() + ", " + data.at("/place/address").asText(),
                    "areaCode", data.at("/place/areaCode").asText());
            ObjectNode body = obj("category", "shop-rent", "description", g.path("description").asText(), "place", place,
                    "channel", "web", "contact", obj("name", g.path("name").asText(), "phone", g.path("phone").asText()));
            JsonNode filed = expect(api.create(options.grievanceUrl() + "/api/v1/grievances", public_, body), "file a grievance").body();
            grievances.add(filed.path("id").asText());
            say("GRV %s (%s) files %s: %s", g.path("name").asText(), g.path("shop").asText(), filed.path("id").asText(),
                    shorten(g.path("description").asText()));
        }

        // 2. The surge: a proposal for the HQ (or, when dispatch opens surges at once, the incident).
        String cluster = await("the grievances' surge cluster", () -> {
            JsonNode g = api.get(options.grievanceUrl() + "/api/v1/grievances/" + grievances.get(0), operator).body();
            return g.path("surgeClusterId").isTextual() ? g.path("surgeClusterId").asText() : null;
        });
        String[] proposalId = {null};
        String incidentId = await("a surge proposal or incident for cluster " + cluster, () -> {
            for (JsonNode p : api.get(options.dispatchUrl() + "/api/v1/incident-proposals?status=pending", operator).body()) {
                if (cluster.equals(p.path("clusterId").asText())) {
                    proposalId[0] = p.path("id").asText();
                    say("HQ  surge warning: %d similar grievances within %d m -> proposal %s", p.path("grievanceCount").asInt(),
                            p.path("radiusMeters").asInt(), proposalId[0]);
                    JsonNode accepted = expect(api.post(options.dispatchUrl() + "/api/v1/incident-proposals/" + proposalId[0]
                                    + "/accept", commander, obj("acceptedBy", person("hq-commander"),
                                    "incidentType", data.at("/incident/incidentType").asText(),
                                    "severity", data.at("/incident/severity").asText()), null),
                            "accept the surge proposal").body();
                    say("HQ  %s accepts it as a %s incident of %s severity", person("hq-commander"),
                            data.at("/incident/incidentType").asText(), data.at("/incident/severity").asText());
                    return accepted.path("incidentId").asText();
                }
            }
            JsonNode page = api.get(options.dispatchUrl() + "/api/v1/incidents?origin=surge&limit=50", operator).body();
            for (JsonNode i : page.path("items")) {
                if (cluster.equals(i.path("surgeClusterId").asText())) {
                    if (Instant.parse(i.path("reportedAt").asText()).isBefore(started)) {
                        // An earlier run stopped before closing its incident: its surge is still going, so the
                        // new grievances joined it and belong to that incident. The story cannot start again there.
                        throw new ScenarioException("the grievances joined surge cluster " + cluster + " of incident "
                                + i.path("id").asText() + ", which an earlier run left " + i.path("status").asText()
                                + "; they are linked to it. Close or cancel that incident (POST /api/v1/incidents/"
                                + i.path("id").asText() + "/status) and play again.");
                    }
                    say("HQ  the surge opened incident %s at once (playbook / dispatch surge mode)", i.path("id").asText());
                    return i.path("id").asText();
                }
            }
            return null;
        });
        Api.Reply incident = expect(api.get(incidentUrl(incidentId), operator), "read the incident");
        say("HQ  incident %s: %s, %s, status %s, playbook %s", incidentId, incident.body().path("incidentType").asText(),
                incident.body().path("severity").asText(), incident.body().path("status").asText(),
                incident.body().path("playbookVersion").asText());
        if (!"high".equals(incident.body().path("severity").asText()) && !"critical".equals(incident.body().path("severity").asText())) {
            expect(api.post(incidentUrl(incidentId) + "/severity", operator, obj("severity", data.at("/incident/severity").asText(),
                    "estimatedCrowdSize", data.at("/incident/estimatedCrowdSize").asInt(), "casualtiesReported", false,
                    "changedBy", person("hq-operator"), "reason", "商户聚集，围观群众增多 (merchants gathering, onlookers growing)"),
                    incident.etag()), "raise the severity");
            say("HQ  severity raised to %s: the health commission joins", data.at("/incident/severity").asText());
        }
        await("every grievance linked to " + incidentId, () -> {
            for (String g : grievances) {
                JsonNode v = api.get(options.grievanceUrl() + "/api/v1/grievances/" + g, operator).body();
                if (!incidentId.equals(v.path("incidentId").asText())) {
                    if (v.path("incidentId").isTextual()) {
                        throw new ScenarioException("grievance " + g + " is linked to another incident, "
                                + v.path("incidentId").asText());
                    }
                    return null;
                }
            }
            return true;
        });
        say("GRV all %d grievances are linked to the incident; the merchants see its progress", grievances.size());

        // 3. Dispatch: the playbook's four agencies.
        Map<String, JsonNode> assignments = await("the assignments of police, competent department, community and health", () -> {
            Map<String, JsonNode> byRole = new LinkedHashMap<>();
            for (JsonNode a : api.get(incidentUrl(incidentId) + "/assignments", operator).body()) {
                byRole.put(a.path("agencyRole").asText(), a);
            }
            return byRole.keySet().containsAll(ROLES) ? byRole : null;
        });
        Map<String, String> agencyByRole = new LinkedHashMap<>();
        Map<String, String> assignmentByRole = new LinkedHashMap<>();
        for (String role : ROLES) {
            JsonNode a = assignments.get(role);
            agencyByRole.put(role, a.path("agencyId").asText());
            assignmentByRole.put(role, a.path("id").asText());
            say("HQ  assigned %s (%s): acknowledge by %s, on scene by %s", a.path("agencyId").asText(), role,
                    clock(a.path("acknowledgeDueAt").asText()), clock(a.path("onSceneDueAt").asText()));
        }

        // 4. The agencies work their inboxes; one of them is late.
        String lateRole = scene(incidentId, assignments);

        // 5. Mediation: a first round fails, a second agrees on the four commitments.
        String bureau = agencyByRole.get("competent-department");
        String failed = firstMediation(incidentId, bureau);
        String[] agreed = secondMediation(incidentId, bureau, grievances);

        // 6. Follow-up: one commitment done and verified, one overdue and escalated.
        String[] items = followup(incidentId);

        // 7. The agencies leave, the grievances are answered, the HQ closes the incident.
        for (String role : ROLES) {
            String agency = agencyByRole.get(role);
            move(agency, assignmentByRole.get(role), "release", obj("releasedBy", person(role),
                    "reason", "现场处置完毕 (work on site finished)"));
        }
        say("DEP all four agencies released");
        Actor bureauOfficer = officer(bureau);
        for (String g : grievances) {
            expect(api.post(options.grievanceUrl() + "/api/v1/grievances/" + g + "/resolve", bureauOfficer,
                    obj("reason", "已达成协议：租金分期上调、管理费减免，并设立快速响应渠道 (agreed: phased rent, reduced fee, a fast response channel)",
                            "closedBy", person("competent-department")), null), "resolve grievance " + g);
        }
        say("GRV the commerce bureau answers the %d grievances as resolved", grievances.size());
        await("the incident resolved", () -> "resolved".equals(api.get(incidentUrl(incidentId), operator).body()
                .path("status").asText()) ? true : null);
        Api.Reply before = api.get(incidentUrl(incidentId), commander);
        expect(api.post(incidentUrl(incidentId) + "/status", commander, obj("status", "closed", "changedBy", person("hq-commander"),
                "reason", "协议已签署，现场恢复正常，后续由跟踪督办 (agreement signed, scene normal, follow-up tracks the rest)"),
                before.etag()), "close the incident");
        say("HQ  %s closes incident %s", person("hq-commander"), incidentId);

        // 8. The after-action review.
        JsonNode review = await("the after-action review", () -> {
            Api.Reply r = api.get(options.followupUrl() + "/api/v1/incidents/" + incidentId + "/review", commander);
            return r.status() == 200 ? r.body() : null;
        });
        summarise(review);
        Duration took = Duration.between(started, Instant.now());
        say("== done in %d s (real time) ==", took.toSeconds());
        return new Outcome(incidentId, List.copyOf(grievances), proposalId[0], playbookVersion, agencyByRole, assignmentByRole,
                lateRole, failed, agreed[0], agreed[1], items[0], items[1], review, took);
    }

    /** Acknowledgements, arrivals and milestones; returns the role that was late. */
    private String scene(String incidentId, Map<String, JsonNode> assignments) {
        /** {@code at}: when it is due in the story; {@code next}: when to do (or look) next. */
        record Step(Instant at, String role, String kind, JsonNode detail, Instant next) {
            Step(Instant at, String role, String kind, JsonNode detail) {
                this(at, role, kind, detail, at);
            }
        }
        Set<String> waiting = new java.util.HashSet<>();
        List<Step> steps = new ArrayList<>();
        String lateRole = null;
        for (String role : ROLES) {
            JsonNode plan = data.path("scene").path(role);
            Instant notified = Instant.parse(assignments.get(role).path("notifiedAt").asText());
            if (plan.path("late").asBoolean()) {
                lateRole = role;
                steps.add(new Step(Instant.parse(assignments.get(role).path("acknowledgeDueAt").asText()), role, "late", plan));
            } else {
                steps.add(new Step(notified.plus(scaled(plan.path("acknowledgeAt").asText())), role, "acknowledge", plan));
                steps.add(new Step(notified.plus(scaled(plan.path("onSceneAt").asText())), role, "on-scene", plan));
            }
        }
        Map<String, Instant> arrived = new HashMap<>();
        List<JsonNode> milestones = new ArrayList<>();
        data.path("milestones").forEach(milestones::add);
        while (!steps.isEmpty() || !milestones.isEmpty()) {
            steps.sort(Comparator.comparing(Step::next));
            // The next milestone whose group has arrived goes first, a story minute after the last step.
            if (!milestones.isEmpty() && arrived.containsKey(milestones.get(0).path("role").asText())) {
                JsonNode m = milestones.remove(0);
                String role = m.path("role").asText();
                pace(Duration.ofMinutes(1));
                expect(api.post(incidentUrl(incidentId) + "/milestones", operator, obj("milestone", m.path("milestone").asText(),
                        "agencyId", assignments.get(role).path("agencyId").asText(), "recordedBy", person(role),
                        "note", m.path("note").asText()), null), "record " + m.path("milestone").asText());
                say("HQ  milestone %s (%s): %s", m.path("milestone").asText(), assignments.get(role).path("agencyId").asText(),
                        m.path("note").asText());
                continue;
            }
            if (steps.isEmpty()) {
                throw new ScenarioException("milestone " + milestones.get(0).path("milestone").asText() + " of a group that never arrived");
            }
            Step s = steps.remove(0);
            sleepUntil(s.next());
            String agency = assignments.get(s.role()).path("agencyId").asText();
            String id = assignments.get(s.role()).path("id").asText();
            switch (s.kind()) {
                case "acknowledge" -> {
                    move(agency, id, "acknowledge", obj("acknowledgedBy", person(s.role())));
                    move(agency, id, "en-route", obj("reportedBy", person(s.role())));
                    say("DEP %s acknowledges and sets off", agency);
                }
                case "on-scene" -> {
                    move(agency, id, "on-scene", obj("reportedBy", person(s.role()), "personnelCount", s.detail().path("personnel").asInt()));
                    arrived.put(s.role(), Instant.now());
                    say("DEP %s is on scene with %d people", agency, s.detail().path("personnel").asInt());
                }
                case "late" -> {
                    // Polled between the other agencies' steps, so that waiting for the breach holds nobody else up.
                    JsonNode a = api.get(incidentUrl(incidentId) + "/assignments/" + id, operator).body();
                    if (!(a.path("acknowledgeBreached").asBoolean() && a.path("escalationLevel").asInt() >= 1)) {
                        if (!waiting.contains(s.role())) {
                            waiting.add(s.role());
                            say("DEP %s has not answered its inbox ...", agency);
                        }
                        if (Instant.now().isAfter(s.at().plus(options.factTimeout()))) {
                            throw new ScenarioException("no breach and escalation of " + agency + " within "
                                    + options.factTimeout().toSeconds() + " s of its deadline; last seen: " + a);
                        }
                        steps.add(new Step(s.at(), s.role(), "late", s.detail(), Instant.now().plusMillis(150)));
                        continue;
                    }
                    say("HQ  %s breached its acknowledgement limit; escalated to rung %d", agency, a.path("escalationLevel").asInt());
                    move(agency, id, "acknowledge", obj("acknowledgedBy", person(s.role())));
                    move(agency, id, "en-route", obj("reportedBy", person(s.role())));
                    say("DEP %s acknowledges late and sets off", agency);
                    Instant arrival = Instant.now().plus(scaled(s.detail().path("onSceneAfterAcknowledge").asText()));
                    steps.add(new Step(arrival, s.role(), "on-scene", s.detail(), arrival));
                }
                default -> throw new IllegalStateException(s.kind());
            }
        }
        await("the incident under control", () -> {
            String status = api.get(incidentUrl(incidentId), operator).body().path("status").asText();
            return status.equals("under-control") ? status : null;
        });
        JsonNode performance = api.get(incidentUrl(incidentId) + "/performance", operator).body();
        say("HQ  scene under control; golden period: %s", performance.path("goldenPeriod").path("compliance").asText("?"));
        return lateRole;
    }

    private String firstMediation(String incidentId, String bureau) {
        JsonNode first = data.path("firstMediation");
        Actor officer = officer(bureau);
        String m = openMediation(incidentId, officer, first);
        String mp = options.departmentUrl() + "/api/v1/mediations/" + m;
        JsonNode proposal = expect(api.create(mp + "/proposals", officer, obj("proposedBy", bureau, "terms", first.path("proposal"))),
                "propose").body();
        String rejecter = data.at("/representatives/" + first.path("rejectedBy").asText() + "/partyId").asText();
        expect(api.post(mp + "/proposals/" + proposal.path("id").asText() + "/answers", officer,
                obj("partyId", rejecter, "answer", "reject"), null), "reject the proposal");
        say("DEP proposal: %s -> rejected by %s", String.join("; ", texts(first.path("proposal"))), rejecter);
        expect(api.post(mp + "/failure", officer, obj("reason", first.path("failure").asText(),
                "mediateAgainWithinDays", first.path("mediateAgainWithinDays").asInt()), etag(mp, officer)), "record the failure");
        say("DEP mediation %s failed: %s", m, first.path("failure").asText());
        await("follow-up of the failed mediation", () -> {
            JsonNode plans = api.get(options.followupUrl() + "/api/v1/incidents/" + incidentId + "/followup-plans", operator).body();
            return plans.isArray() && plans.size() > 0 ? plans : null;
        });
        say("FUP follow-up: the commerce bureau must mediate again within %d days (this time someone tracks it)",
                first.path("mediateAgainWithinDays").asInt());
        return m;
    }

    /** Returns the mediation id and the agreement id. */
    private String[] secondMediation(String incidentId, String bureau, List<String> grievances) {
        JsonNode second = data.path("secondMediation");
        Actor officer = officer(bureau);
        pace(Duration.ofMinutes(5));
        String m = openMediation(incidentId, officer, second);
        String mp = options.departmentUrl() + "/api/v1/mediations/" + m;
        JsonNode proposal = expect(api.create(mp + "/proposals", officer, obj("proposedBy", bureau, "terms", second.path("proposal"))),
                "propose").body();
        for (String who : List.of("merchants", "management")) {
            expect(api.post(mp + "/proposals/" + proposal.path("id").asText() + "/answers", officer,
                    obj("partyId", data.at("/representatives/" + who + "/partyId").asText(), "answer", "accept"), null),
                    "accept the proposal");
        }
        say("DEP proposal accepted by both parties: %s", String.join("; ", texts(second.path("proposal"))));
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArrayNode commitments = json.createArrayNode();
        for (JsonNode c : data.path("commitments")) {
            commitments.add(commitment(c, signedAt));
        }
        ArrayNode signatories = json.createArrayNode();
        for (String who : List.of("merchants", "management", "mediator")) {
            signatories.add(data.path("representatives").path(who).deepCopy());
        }
        JsonNode agreed = expect(api.post(mp + "/agreement", officer, obj("signedAt", signedAt.toString(), "signatories", signatories,
                "commitments", commitments, "linkedGrievanceIds", json.valueToTree(grievances),
                "summary", second.path("summary").asText()), etag(mp, officer)), "sign the agreement").body();
        String agreementId = agreed.path("agreement").path("agreementId").asText();
        say("DEP agreement %s signed: %s", agreementId, second.path("summary").asText());
        for (JsonNode c : commitments) {
            say("      commitment: %s, due %s", shorten(c.path("action").asText()), clock(c.path("dueAt").asText()));
        }
        return new String[] {m, agreementId};
    }

    private String openMediation(String incidentId, Actor officer, JsonNode round) {
        JsonNode opened = expect(api.create(options.departmentUrl() + "/api/v1/mediations", officer, obj("incidentId", incidentId,
                "parties", data.path("parties"), "openedBy", person("competent-department"))), "open a mediation").body();
        String m = opened.path("id").asText();
        ArrayNode demands = json.createArrayNode();
        for (JsonNode d : round.path("demands")) {
            demands.add(obj("partyId", data.at("/representatives/" + d.path("party").asText() + "/partyId").asText(),
                    "demand", d.path("demand").asText()));
        }
        ArrayNode representatives = json.createArrayNode();
        representatives.add(data.path("representatives").path("merchants").deepCopy());
        representatives.add(data.path("representatives").path("management").deepCopy());
        expect(api.create(options.departmentUrl() + "/api/v1/mediations/" + m + "/sessions", officer,
                obj("location", round.path("location").asText(), "representatives", representatives, "demands", demands,
                        "summary", round.path("summary").asText())), "hold a session");
        say("DEP %s mediates (%s) at %s", officer.agency(), m, round.path("location").asText());
        return m;
    }

    private ObjectNode commitment(JsonNode c, Instant signedAt) {
        JsonNode s = c.path("schedule");
        ObjectNode schedule = obj("kind", s.path("kind").asText());
        Instant due;
        switch (s.path("kind").asText()) {
            case "staged" -> {
                ArrayNode stages = json.createArrayNode();
                int n = 0;
                Instant last = signedAt;
                for (JsonNode st : s.path("stages")) {
                    last = signedAt.plus(scaled(st.path("dueIn").asText()));
                    stages.add(obj("stage", ++n, "dueAt", last.toString(), "description", st.path("description").asText()));
                }
                schedule.set("stages", stages);
                due = last;
            }
            case "recurring" -> {
                Instant starts = signedAt.plus(scaled(s.path("startsIn").asText()));
                Period every = Period.parse(s.path("every").asText());
                int occurrences = s.path("occurrences").asInt();
                schedule.put("startsAt", starts.toString());
                schedule.put("every", every.toString());
                schedule.put("occurrences", occurrences);
                due = starts.atZone(ZoneOffset.UTC).plus(every.multipliedBy(occurrences - 1)).toInstant();
            }
            default -> due = signedAt.plus(scaled(c.path("dueIn").asText()));
        }
        return obj("owner", c.path("owner"), "action", c.path("action").asText(), "dueAt", due.toString(),
                "verification", obj("verifierAgencyId", c.path("verifier").asText(),
                        "beneficiaryConfirmation", c.path("beneficiaryConfirmation").asBoolean(),
                        "evidence", c.path("evidence").asText()),
                "schedule", schedule, "beneficiaries", c.path("beneficiaries"));
    }

    /** Returns the verified item's id and the overdue item's id. */
    private String[] followup(String incidentId) {
        String verified = null;
        String overdue = null;
        for (JsonNode c : data.path("commitments")) {
            String fulfil = c.path("fulfil").asText("");
            if (fulfil.isEmpty()) {
                continue;
            }
            JsonNode item = await("the follow-up item of " + c.path("key").asText(), () -> firstItem(incidentId, c.path("action").asText()));
            String id = item.path("id").asText();
            String url = options.followupUrl() + "/api/v1/followup-items/" + id;
            if (fulfil.equals("verified")) {
                Actor owner = officer(item.path("responsibleAgencyId").asText());
                pace(Duration.ofMinutes(5));
                expect(api.post(url + "/start", owner, null, etag(url, owner)), "start " + id);
                expect(api.post(url + "/done", owner, obj("note", c.at("/done/note").asText(), "evidenceUrls", c.at("/done/evidenceUrls")),
                        etag(url, owner)), "report " + id + " done");
                say("FUP %s reports done: %s", owner.agency(), c.at("/done/note").asText());
                String beneficiary = c.path("beneficiaries").get(0).asText();
                expect(api.post(url + "/verify", public_, obj("beneficiaryId", beneficiary, "note", c.path("verification").asText()),
                        etag(url, public_)), "verify " + id);
                say("FUP %s verifies it: %s", beneficiary, c.path("verification").asText());
                verified = id;
            } else if (fulfil.equals("overdue")) {
                say("FUP waiting: %s is due %s and nobody has started it ...", shorten(item.path("action").asText()),
                        clock(item.path("dueAt").asText()));
                JsonNode late = await("item " + id + " overdue and escalated", Duration.between(Instant.now(),
                        Instant.parse(item.path("dueAt").asText())), () -> {
                            JsonNode v = api.get(url, operator).body();
                            lastSeen = v;
                            return v.path("overdue").asBoolean() && v.path("escalationLevel").asInt() >= 1 ? v : null;
                        });
                say("FUP overdue: %s, escalated to rung %d (%s)", shorten(late.path("action").asText()),
                        late.path("escalationLevel").asInt(), late.path("responsibleAgencyId").asText());
                overdue = id;
            }
        }
        return new String[] {verified, overdue};
    }

    /** The earliest item of the incident's plans doing {@code action}. */
    private JsonNode firstItem(String incidentId, String action) {
        JsonNode plans = api.get(options.followupUrl() + "/api/v1/incidents/" + incidentId + "/followup-plans", operator).body();
        JsonNode best = null;
        for (JsonNode p : plans) {
            for (JsonNode i : p.path("items")) {
                // an occurrence's or a stage's item adds its detail in brackets after the action
                if (i.path("action").asText().startsWith(action)
                        && (best == null || i.path("dueAt").asText().compareTo(best.path("dueAt").asText()) < 0)) {
                    best = i;
                }
            }
        }
        return best;
    }

    private void summarise(JsonNode review) {
        say("REV after-action review of %s (closed %s)", review.path("incidentId").asText(), clock(review.path("closedAt").asText()));
        for (JsonNode a : review.path("agencies")) {
            say("      %-28s acknowledged after %s s (limit %s s), on scene after %s s (limit %s s)%s", a.path("agencyId").asText(),
                    a.path("acknowledgedAfterSeconds").asText("-"), a.path("acknowledgeLimitSeconds").asText("-"),
                    a.path("onSceneAfterSeconds").asText("-"), a.path("onSceneLimitSeconds").asText("-"),
                    a.path("breaches").isEmpty() ? "" : "  BREACHED: " + String.join(", ", texts(a.path("breaches"))));
        }
        say("      breaches: %d; mediation rounds: %d", review.path("breachCount").asInt(), review.path("mediationRounds").asInt());
        Map<String, Integer> states = new LinkedHashMap<>();
        int overdue = 0;
        for (JsonNode c : review.path("commitments")) {
            states.merge(c.path("status").asText(), 1, Integer::sum);
            overdue += c.path("overdue").asBoolean() ? 1 : 0;
        }
        say("      commitment items: %d %s, %d overdue", review.path("commitments").size(), states, overdue);
    }

    // ---- the inbox ------------------------------------------------------------------------------------

    /** One move of an assignment in its agency's inbox, with the ETag it has now (again on 412). */
    private void move(String agency, String assignmentId, String step, ObjectNode body) {
        Actor officer = officer(agency);
        String url = options.departmentUrl() + "/api/v1/agencies/" + agency + "/assignments/" + assignmentId;
        await("assignment " + assignmentId + " in the inbox of " + agency, () -> api.get(url, officer).status() == 200 ? true : null);
        for (int attempt = 0; ; attempt++) {
            Api.Reply r = api.post(url + "/" + step, officer, body, etag(url, officer));
            if (r.status() != 412 || attempt == 5) {
                expect(r, agency + " " + step);
                return;
            }
        }
    }

    private Actor officer(String agency) {
        return officers.computeIfAbsent(agency, a -> Actor.of(identity, a, "agency-officer"));
    }

    private String etag(String url, Actor who) {
        Api.Reply r = expect(api.get(url, who), "read " + url);
        if (r.etag() == null) {
            throw new ScenarioException(url + " answered no ETag");
        }
        return r.etag();
    }

    // ---- time -----------------------------------------------------------------------------------------

    private Duration scaled(String iso) {
        Duration story = iso.startsWith("P") && !iso.contains("T") ? Duration.ofDays(Period.parse(iso).getDays()) : Duration.parse(iso);
        return story.dividedBy(options.speed());
    }

    /** A pause in the story of {@code story} (scaled): the pace of people, never a wait for a fact. */
    private void pace(Duration story) {
        sleepUntil(Instant.now().plus(story.dividedBy(options.speed())));
    }

    private void paceTo(Instant from, Duration story) {
        sleepUntil(from.plus(story.dividedBy(options.speed())));
    }

    private static void sleepUntil(Instant at) {
        long ms = Duration.between(Instant.now(), at).toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScenarioException("interrupted");
            }
        }
    }

    private <T> T await(String what, Supplier<T> probe) {
        return await(what, Duration.ZERO, probe);
    }

    /** Polls {@code probe} until it answers non-null, for the fact timeout beyond {@code expectedIn}. */
    private <T> T await(String what, Duration expectedIn, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(expectedIn.isNegative() ? Duration.ZERO : expectedIn).plus(options.factTimeout());
        lastSeen = null;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ScenarioException("no " + what + " within " + options.factTimeout().toSeconds() + " s"
                        + (lastSeen == null ? "" : "; last seen: " + lastSeen));
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScenarioException("interrupted while waiting for " + what);
            }
        }
    }

    private void awaitReady() {
        for (String url : List.of(options.grievanceUrl(), options.dispatchUrl(), options.departmentUrl(), options.followupUrl())) {
            await(url + " ready", () -> {
                try {
                    return api.getText(url + "/q/health/ready", operator, "application/json").status() == 200 ? true : null;
                } catch (ScenarioException e) {
                    return null;
                }
            });
        }
    }

    // ---- printing and data ----------------------------------------------------------------------------

    private void say(String format, Object... args) {
        long story = Duration.between(started, Instant.now()).toMillis() * options.speed() / 1000;
        options.out().printf("[%02d:%02d:%02d] %s%n", story / 3600, story / 60 % 60, story % 60, String.format(format, args));
        options.out().flush();
    }

    private String person(String role) {
        return data.path("people").path(role).asText(role);
    }

    private static String clock(String instant) {
        try {
            return Instant.parse(instant).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime()
                    .truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private ObjectNode obj(Object... kv) {
        ObjectNode o = json.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.set((String) kv[i], json.valueToTree(kv[i + 1]));
        }
        return o;
    }

    private static Api.Reply expect(Api.Reply r, String what) {
        return Api.expect(r, what);
    }

    private String incidentUrl(String id) {
        return options.dispatchUrl() + "/api/v1/incidents/" + id;
    }

    static JsonNode load() {
        try (InputStream in = BinjiangScenario.class.getClassLoader().getResourceAsStream(DATA)) {
            if (in == null) {
                throw new ScenarioException("missing " + DATA);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + DATA, e);
        }
    }

    static Set<String> roles() {
        return Set.copyOf(ROLES);
    }
}
