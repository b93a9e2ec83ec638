package io.liandong.dispatch.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liandong.dispatch.console.ConsoleHub.ChangeMessage;
import io.liandong.dispatch.console.ConsoleHub.DelaysMessage;
import io.liandong.dispatch.console.ConsoleHub.Message;
import io.liandong.dispatch.console.ConsoleHub.SnapshotMessage;
import io.liandong.dispatch.console.ConsoleViews.Snapshot;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' live console: its snapshot and its stream of changes (Server-Sent Events). The page itself is static
 * ({@code /console/}). HQ operators, commanders and auditors may watch.
 */
@Path("/api/v1/console")
@Tag(name = "console", description = "The operators' live console")
@RolesAllowed({"hq-operator", "hq-commander", "auditor"})
public class ConsoleResource {

    private final ConsoleHub hub;
    private final ObjectMapper json;
    @Context
    Sse sse;

    ConsoleResource(ConsoleHub hub, ObjectMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @GET
    @Path("/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The live picture now: open incidents, recently closed ones, surges, activity, delays")
    public Snapshot snapshot() {
        return hub.snapshot();
    }

    /**
     * Named events: {@code snapshot} (the whole picture), {@code change} (one incident or surge as it is now, with what
     * happened) and {@code delays} (every few seconds, without an id). Resumes after {@code Last-Event-ID} (header, or
     * the {@code lastEventId} parameter) with exactly the changes missed, or starts with a snapshot when those are no
     * longer known (e.g. after a restart).
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The live picture as Server-Sent Events: a snapshot or the missed changes, then every change")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
                                          @QueryParam("lastEventId") String lastEventIdParam) {
        Optional<String> lastEventId = Optional.ofNullable(lastEventIdHeader).or(() -> Optional.ofNullable(lastEventIdParam))
                .filter(s -> !s.isBlank());
        return hub.stream(lastEventId).map(this::event);
    }

    private OutboundSseEvent event(Message message) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE);
        if (message instanceof SnapshotMessage s) {
            builder.id(s.id()).name("snapshot").data(write(s.snapshot()));
        } else if (message instanceof ChangeMessage c) {
            builder.id(c.id()).name("change").data(c.json().get(() -> write(c.change())));
        } else if (message instanceof DelaysMessage d) {
            builder.name("delays").data(d.json().get(() -> write(d.delays())));
        }
        return builder.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
