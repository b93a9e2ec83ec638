package io.liandong.followup.messaging;

import io.liandong.contracts.EventType;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.platform.testing.IncomingEventsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IncomingEventsTest extends IncomingEventsContract {

    IncomingEventsTest() {
        super("followup-service", EventType.INCIDENT_REPORTED);
    }
}
