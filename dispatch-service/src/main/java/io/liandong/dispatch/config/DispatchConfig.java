package io.liandong.dispatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Everything dispatch-service reads from configuration ({@code liandong.dispatch.*}). */
@ConfigMapping(prefix = "liandong.dispatch")
public interface DispatchConfig {

    /** The incident types the command HQ handles; a report of any other type is refused. */
    @WithDefault("commercial-dispute,wage-dispute,property-management-dispute,public-order-gathering")
    List<String> incidentTypes();

    /** The version of the standard incidents are handled under, recorded on every incident. */
    @WithDefault("key-areas-standard@1")
    String playbookVersion();
}
