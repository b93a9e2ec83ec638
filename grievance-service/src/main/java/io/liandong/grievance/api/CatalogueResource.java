package io.liandong.grievance.api;

import io.liandong.grievance.domain.Catalogue;
import io.liandong.platform.error.UnknownResourceException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The category catalogue: what can be reported, its dispute type and its competent department. */
@Path("/api/v1/categories")
@Tag(name = "Categories")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CatalogueResource {

    public record DisputeType(String code, String name, String incidentType) {
    }

    public record CategoryResponse(String code, String name, String description, String group, List<String> keywords,
                                   DisputeType disputeType, GrievanceResponse.Department competentDepartment,
                                   String serviceNotice, List<Catalogue.Attribute> attributes) {
    }

    private final Catalogue catalogue;

    CatalogueResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "Every category a grievance can be filed under")
    public List<CategoryResponse> list() {
        return catalogue.entries().stream().map(CatalogueResource::toResponse).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One category")
    public CategoryResponse get(@PathParam("code") String code) {
        return catalogue.category(code).map(CatalogueResource::toResponse)
                .orElseThrow(() -> new UnknownResourceException("category", code));
    }

    private static CategoryResponse toResponse(Catalogue.Entry e) {
        var c = e.category();
        return new CategoryResponse(c.code(), c.name(), c.description(), c.group(), c.keywords(),
                new DisputeType(e.disputeType().code(), e.disputeType().name(), e.disputeType().incidentType()),
                new GrievanceResponse.Department(e.department().code(), e.department().name()), c.serviceNotice(),
                c.attributes());
    }
}
