package io.liandong.contracts.milestone;

/**
 * The scene milestones the after-action review measures. The wire field is an open kebab-case
 * code, so a playbook can add its own; these are the ones of the golden period.
 */
public final class Milestones {

    public static final String CORDON_SET = "cordon-set";
    public static final String CORE_PARTIES_ISOLATED = "core-parties-isolated";
    public static final String ONLOOKERS_DISPERSED = "onlookers-dispersed";
    public static final String SCENE_UNDER_CONTROL = "scene-under-control";
    public static final String DEMANDS_COLLECTED = "demands-collected";

    private Milestones() {
    }
}
