package io.liandong.dispatch.api;

import io.liandong.dispatch.application.PlaybookService;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/playbook")
@Tag(name = "Playbook administration")
public class PlaybookResource {

    public static final String YAML = "application/yaml";

    /** A playbook (the running one, or a version run before): its version, where it came from, and its content. */
    public record RunningPlaybook(PlaybookService.PlaybookVersion version, Playbook playbook) {
    }

    private final PlaybookService playbooks;

    PlaybookResource(PlaybookService playbooks) {
        this.playbooks = playbooks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The running playbook, as read")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public RunningPlaybook running() {
        PlaybookService.Running running = playbooks.running();
        return new RunningPlaybook(running.stored(), running.playbook());
    }

    @GET
    @Produces({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "The running playbook's YAML text")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public String runningYaml() {
        return playbooks.running().yaml();
    }

    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every playbook version this HQ has run, newest first")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public List<PlaybookService.PlaybookVersion> versions() {
        return playbooks.versions();
    }

    @GET
    @Path("/versions/{version: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A version this HQ has run, as read: what the incidents handled under it followed")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public RunningPlaybook version(@PathParam("version") String version) {
        PlaybookService.Running stored = playbooks.stored(version);
        return new RunningPlaybook(stored.stored(), stored.playbook());
    }

    @GET
    @Path("/versions/{version: .+}")
    @Produces({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "A version's YAML text, as it was loaded")
    @RolesAllowed({Roles.HQ_OPERATOR, Roles.HQ_COMMANDER, Roles.AUDITOR, Roles.PLATFORM_ADMIN})
    public String versionYaml(@PathParam("version") String version) {
        return playbooks.stored(version).yaml();
    }

    @PUT
    @Consumes({YAML, "text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the running playbook; a bad one is refused with every error (422) and the running one stays")
    @RolesAllowed({Roles.HQ_COMMANDER, Roles.PLATFORM_ADMIN})
    public Response replace(@NotBlank @Size(max = 1_000_000) String yaml,
                            @QueryParam("loadedBy") @DefaultValue("admin-api") String loadedBy) {
        PlaybookService.Running running = playbooks.replace(yaml, loadedBy);
        return Response.ok(new RunningPlaybook(running.stored(), running.playbook())).build();
    }
}
