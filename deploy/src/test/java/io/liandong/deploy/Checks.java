package io.liandong.deploy;

import java.util.ArrayList;
import java.util.List;

/** Every check of a rendered overlay: the models of its objects, then the policies. */
final class Checks {

    private Checks() {
    }

    static List<String> all(Rendered rendered, Shape shape) {
        List<String> problems = new ArrayList<>(ModelCheck.check(rendered));
        problems.addAll(WorkloadPolicy.check(rendered));
        problems.addAll(ConfigurationPolicy.check(rendered, Repository.version()));
        problems.addAll(KafkaPolicy.check(rendered, shape));
        problems.addAll(PostgresPolicy.check(rendered, shape));
        problems.addAll(MonitoringPolicy.check(rendered));
        return problems;
    }

    /** The problems one per line, for an assertion message. */
    static String describe(List<String> problems) {
        return problems.isEmpty() ? "no problems" : problems.size() + " problem(s):\n  " + String.join("\n  ", problems);
    }
}
