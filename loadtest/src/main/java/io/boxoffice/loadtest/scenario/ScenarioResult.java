package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.report.Goal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a scenario reports besides the per-operation statistics.
 *
 * @param events the events sold in the measured part, which the checker inspects
 * @param startMicros epoch µs of the measured part's start (the release, the first arrival)
 * @param figures headline numbers, named with their unit
 * @param steps one row per load step (hot-ga)
 * @param ratios figures divided by the baselines of the same run
 */
public record ScenarioResult(
    List<UUID> events,
    long startMicros,
    Map<String, Object> figures,
    List<Map<String, Object>> steps,
    List<Expectation> expectations,
    List<Goal> goals,
    Map<String, String> ratios,
    List<String> notes) {}
