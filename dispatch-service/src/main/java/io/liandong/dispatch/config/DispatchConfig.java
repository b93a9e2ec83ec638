package io.liandong.dispatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything dispatch-service reads from configuration ({@code liandong.dispatch.*}). */
@ConfigMapping(prefix = "liandong.dispatch")
public interface DispatchConfig {

    Playbook playbook();

    Surge surge();

    Alerts alerts();

    interface Playbook {
        /**
         * A playbook YAML file to run at start instead of the standard one on the classpath. A
         * version replaced through the admin API and stored in the database wins over both.
         */
        Optional<String> file();

        /** Other replicas pick up a playbook replaced through one of them within this time. */
        @WithDefault("PT10S")
        Duration refreshInterval();
    }

    interface Surge {
        /** {@code propose}: a surge becomes a proposal an operator accepts or dismisses; {@code open}: an incident at once. */
        @WithDefault("propose")
        String mode();

        /** A surge of at least this many grievances opens an incident at once whatever the mode (0: never). */
        @WithDefault("0")
        int openAtCount();
    }

    interface Alerts {
        /** The CAP sender: who public warning systems see the alerts come from. */
        @WithDefault("command-hq@liandong.example")
        String sender();

        /** The CAP senderName. */
        @WithDefault("城市指挥中心 City command HQ")
        String senderName();

        /** How long an alert applies when the operator gives no expiry. */
        @WithDefault("PT2H")
        Duration defaultLifetime();

        /** The radius of the circle around the incident when the operator gives no area shape. */
        @WithDefault("0.3")
        double defaultRadiusKm();
    }
}
