package io.liandong.grievance.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.liandong.devstack.DevstackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import io.liandong.platform.testing.As;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CatalogueResourceTest {

    @Test
    void theCatalogueMapsEachCategoryToADisputeTypeAndItsDepartment() {
        As.hq().get("/api/v1/categories")
                .then().statusCode(200)
                .body("code", hasItems("shop-rent", "management-fee", "unpaid-wages", "property-service", "public-gathering"))
                .body("find { it.code == 'unpaid-wages' }.disputeType.code", equalTo("wage-arrears"))
                .body("find { it.code == 'unpaid-wages' }.competentDepartment.code", equalTo("labour-bureau"));
    }

    @Test
    void oneCategoryWithItsAttributes() {
        As.hq().get("/api/v1/categories/shop-rent")
                .then().statusCode(200)
                .body("disputeType.incidentType", equalTo("commercial-dispute"))
                .body("competentDepartment.name", equalTo("商务局 (commerce bureau)"))
                .body("attributes.code", hasItems("merchants_affected", "gathering_planned"));
    }

    @Test
    void anUnknownCategoryIsNotFound() {
        As.hq().get("/api/v1/categories/alien-landing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
